package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvMessage.ClientReply;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvOperation;
import faultline.protocols.kv.ReplyStatus;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import faultline.protocols.raft.RaftMessage.AppendEntriesReply;
import faultline.protocols.raft.RaftMessage.RequestVote;
import faultline.protocols.raft.RaftMessage.RequestVoteReply;
import faultline.protocols.raft.RaftTimer.Server;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests tied to sentences of the Raft paper (Figure 2 and §5, §8). How it works: one server with a
 * {@link FakeContext}; each test drives its handlers directly, then looks at what it sent, what it
 * wrote to disk and whether the disk was synced before each message left.
 */
class RaftNodeTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");
  private static final NodeId C1 = NodeId.of("c1");
  private static final List<NodeId> SERVERS = List.of(N1, N2, N3);

  private static RaftConfig config(RaftBug... bugs) {
    return RaftConfig.builder(SERVERS).bugs(Set.of(bugs)).build();
  }

  private static FakeContext context(String self) {
    return new FakeContext(self, List.of(N1, N2, N3, C1));
  }

  private static RaftNode started(RaftConfig config, FakeContext context) {
    RaftNode node = new RaftNode(config);
    node.onStart(context);
    context.drain();
    return node;
  }

  private static LogEntry entry(long term, String value) {
    return new LogEntry(term, new ClientCommand(0, 1, new KvOperation("put", "x", value, null)));
  }

  /** Makes {@code node} hold {@code entries} as a follower of term {@code term}. */
  private static void follow(
      RaftNode node, FakeContext context, long term, List<LogEntry> entries) {
    node.onMessage(context, N3, new AppendEntries(term, N3, 0, 0, entries, 0, 1));
    context.drain();
  }

  @Test
  void aServerStartsAsAFollowerWithARandomizedElectionTimeout() {
    FakeContext context = context("n1");
    RaftNode node = new RaftNode(config());
    node.onStart(context);

    assertThat(node.role()).isEqualTo(Role.FOLLOWER);
    assertThat(context.timers.get(Server.ELECTION_TIMEOUT)).isBetween(150_000_000L, 300_000_000L);
    assertThat(context.states).containsExactly(new RaftNode.RoleState("FOLLOWER", 0));
  }

  @Test
  void onTimeoutACandidateVotesForItselfAndAsksTheOtherServersOnly() {
    FakeContext context = context("n1");
    RaftNode node = started(config(), context);

    node.onTimer(context, Server.ELECTION_TIMEOUT);

    assertThat(node.role()).isEqualTo(Role.CANDIDATE);
    assertThat(node.currentTerm()).isEqualTo(1);
    assertThat(node.votedFor()).isEqualTo(N1);
    List<FakeContext.Sent> sent = context.drain();
    assertThat(sent).extracting(FakeContext.Sent::to).containsExactly(N2, N3);
    assertThat(sent).allMatch(FakeContext.Sent::storageSynced);
    assertThat(sent.getFirst().message()).isEqualTo(new RequestVote(1, N1, 0, 0, false));
  }

  @Test
  void aVoteIsGrantedOnceAndSyncedBeforeTheReplyLeaves() {
    FakeContext context = context("n2");
    RaftNode node = started(config(), context);

    node.onMessage(context, N1, new RequestVote(1, N1, 0, 0, false));
    node.onMessage(context, N3, new RequestVote(1, N3, 0, 0, false));

    List<FakeContext.Sent> sent = context.drain();
    assertThat(sent.get(0).message()).isEqualTo(new RequestVoteReply(1, true, false));
    assertThat(sent.get(0).storageSynced()).isTrue();
    assertThat(sent.get(1).message()).isEqualTo(new RequestVoteReply(1, false, false));
    assertThat(context.storage.values).containsEntry("raft.votedFor", "n1");
  }

  @Test
  void aVoteIsRefusedToACandidateWhoseLogIsLessUpToDate() {
    FakeContext context = context("n2");
    RaftNode node = started(config(), context);
    follow(node, context, 2, List.of(entry(1, "a"), entry(2, "b")));

    node.onMessage(context, N1, new RequestVote(3, N1, 5, 1, false)); // Longer, but older term.

    assertThat(context.drain().getFirst().message())
        .isEqualTo(new RequestVoteReply(3, false, false));
  }

  @Test
  void withThePlantedBugTheLogCheckIsSkipped() {
    FakeContext context = context("n2");
    RaftNode node = started(config(RaftBug.VOTE_WITHOUT_LOG_CHECK), context);
    follow(node, context, 2, List.of(entry(1, "a"), entry(2, "b")));

    node.onMessage(context, N1, new RequestVote(3, N1, 5, 1, false));

    assertThat(context.drain().getFirst().message())
        .isEqualTo(new RequestVoteReply(3, true, false));
  }

  @Test
  void votedForSurvivesARestartUnlessTheBugForgetsIt() {
    FakeContext context = context("n2");
    RaftNode node = started(config(), context);
    node.onMessage(context, N1, new RequestVote(1, N1, 0, 0, false));

    RaftNode restarted = started(config(), context);
    RaftNode forgetful = started(config(RaftBug.FORGET_VOTE_ON_RESTART), context);

    assertThat(restarted.votedFor()).isEqualTo(N1);
    assertThat(restarted.currentTerm()).isEqualTo(1);
    assertThat(forgetful.votedFor()).isNull();
  }

  @Test
  void appendEntriesFromAStaleTermIsRejectedWithTheNewerTerm() {
    FakeContext context = context("n2");
    RaftNode node = started(config(), context);
    follow(node, context, 3, List.of(entry(3, "a")));

    node.onMessage(context, N1, new AppendEntries(2, N1, 1, 3, List.of(entry(2, "b")), 0, 7));

    AppendEntriesReply reply = (AppendEntriesReply) context.drain().getFirst().message();
    assertThat(reply.success()).isFalse();
    assertThat(reply.term()).isEqualTo(3);
    assertThat(node.log().lastIndex()).isEqualTo(1);
  }

  @Test
  void aConflictingEntryAndAllThatFollowItAreDeleted() {
    FakeContext context = context("n2");
    RaftNode node = started(config(), context);
    follow(node, context, 1, List.of(entry(1, "a"), entry(1, "b"), entry(1, "c")));

    node.onMessage(context, N1, new AppendEntries(2, N1, 1, 1, List.of(entry(2, "x")), 0, 1));

    assertThat(node.log().lastIndex()).isEqualTo(2);
    assertThat(node.log().entry(2)).isEqualTo(entry(2, "x"));
    FakeContext.Sent reply = context.drain().getFirst();
    assertThat(reply.storageSynced()).isTrue();
    assertThat(((AppendEntriesReply) reply.message()).matchIndex()).isEqualTo(2);
    assertThat(context.storage.values.keySet()).doesNotContain("raft.log/000000000003");
  }

  @Test
  void aFollowerMissingThePreviousEntryRejectsAndReportsWhereItsLogEnds() {
    FakeContext context = context("n2");
    RaftNode node = started(config(), context);
    follow(node, context, 1, List.of(entry(1, "a")));

    node.onMessage(context, N1, new AppendEntries(2, N1, 4, 2, List.of(), 0, 1));

    AppendEntriesReply reply = (AppendEntriesReply) context.drain().getFirst().message();
    assertThat(reply.success()).isFalse();
    assertThat(reply.rejectedPrevIndex()).isEqualTo(4);
    assertThat(reply.conflictIndex()).isEqualTo(2);
  }

  @Test
  void aNewLeaderAppendsANoOpAndCommitsOnlyEntriesOfItsOwnTermByCounting() {
    FakeContext context = context("n1");
    RaftNode node = started(config(), context);
    follow(node, context, 1, List.of(entry(1, "a")));
    node.onTimer(context, Server.ELECTION_TIMEOUT); // Term 2.
    node.onMessage(context, N2, new RequestVoteReply(2, true, false));

    assertThat(node.role()).isEqualTo(Role.LEADER);
    assertThat(node.log().entry(2)).isEqualTo(LogEntry.noOp(2));
    context.drain();

    // n2 stores the term-1 entry only: a majority has it, but it is not of the current term.
    node.onMessage(context, N2, new AppendEntriesReply(2, true, 1, 0, 0, 0, 1));
    assertThat(node.commitIndex()).isZero();
    // n2 stores the no-op too: committing it commits the term-1 entry with it.
    node.onMessage(context, N2, new AppendEntriesReply(2, true, 2, 0, 0, 0, 1));
    assertThat(node.commitIndex()).isEqualTo(2);
    assertThat(node.lastApplied()).isEqualTo(2);
  }

  @Test
  void withTheFigure8BugAnEarlierTermsEntryIsCommittedByCounting() {
    FakeContext context = context("n1");
    RaftNode node = started(config(RaftBug.COMMIT_EARLIER_TERM_BY_COUNTING), context);
    follow(node, context, 1, List.of(entry(1, "a")));
    node.onTimer(context, Server.ELECTION_TIMEOUT);
    node.onMessage(context, N2, new RequestVoteReply(2, true, false));

    node.onMessage(context, N2, new AppendEntriesReply(2, true, 1, 0, 0, 0, 1));

    assertThat(node.commitIndex()).isEqualTo(1);
  }

  @Test
  void aFollowerRedirectsClientsToTheLeaderItKnows() {
    FakeContext context = context("n2");
    RaftNode node = started(config(), context);
    follow(node, context, 1, List.of());
    ClientRequest request = new ClientRequest(4, 1, new KvOperation("get", "x", null, null));

    node.onMessage(context, C1, request);

    assertThat(context.drain().getFirst().message())
        .isEqualTo(new ClientReply(4, 1, ReplyStatus.NOT_LEADER, null, N3));
  }

  @Test
  void aHigherTermInAReplyMakesTheLeaderStepDown() {
    FakeContext context = context("n1");
    RaftNode node = started(config(), context);
    node.onTimer(context, Server.ELECTION_TIMEOUT);
    node.onMessage(context, N2, new RequestVoteReply(1, true, false));
    assertThat(node.role()).isEqualTo(Role.LEADER);

    node.onMessage(context, N3, new AppendEntriesReply(5, false, 0, 0, 0, 0, 1));

    assertThat(node.role()).isEqualTo(Role.FOLLOWER);
    assertThat(node.currentTerm()).isEqualTo(5);
    assertThat(context.timers).containsKey(Server.ELECTION_TIMEOUT);
    assertThat(context.timers).doesNotContainKey(Server.HEARTBEAT_DUE);
  }

  /** n1 leads term 3 over a log of terms 1, 1, 2, 2, 2 and its no-op; n2 was probed at 5. */
  private static RaftNode leaderOfTermThree(FakeContext context, boolean fastBackup) {
    RaftNode node = started(config().toBuilder().fastBackup(fastBackup).build(), context);
    follow(node, context, 2, List.of(entry(1, "a"), entry(1, "b"), entry(2, "c"), entry(2, "d")));
    node.onMessage(context, N3, new AppendEntries(2, N3, 4, 2, List.of(entry(2, "e")), 0, 2));
    node.onTimer(context, Server.ELECTION_TIMEOUT); // Term 3.
    node.onMessage(context, N2, new RequestVoteReply(3, true, false));
    assertThat(node.role()).isEqualTo(Role.LEADER);
    context.drain();
    return node;
  }

  private static long nextProbeToN2(FakeContext context) {
    return context.drain().stream()
        .filter(sent -> sent.to().equals(N2))
        .map(sent -> ((AppendEntries) sent.message()).prevLogIndex())
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aFollowerWhoseLogIsShorterIsProbedWhereItEndsAtOnce(boolean fastBackup) {
    FakeContext context = context("n1");
    RaftNode node = leaderOfTermThree(context, fastBackup);

    // n2 holds one entry: its log ends before the probe at 5 (§5.3, etcd-raft's reject hint).
    node.onMessage(context, N2, new AppendEntriesReply(3, false, 0, 5, 2, 0, 1));

    assertThat(nextProbeToN2(context)).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"false, 4", "true, 2"})
  void aConflictingEntryIsSteppedOverOneAtATimeOrWithFastBackupATermAtOnce(
      boolean fastBackup, long nextPrevLogIndex) {
    FakeContext context = context("n1");
    RaftNode node = leaderOfTermThree(context, fastBackup);

    // n2 holds term 1 at 5, where the leader has term 2; its term 1 starts at index 1.
    node.onMessage(context, N2, new AppendEntriesReply(3, false, 0, 5, 1, 1, 1));

    assertThat(nextProbeToN2(context)).isEqualTo(nextPrevLogIndex);
  }

  /** Replies that carry a newer term to a candidate (a real or a pre-vote one) or a leader. */
  static List<Arguments> repliesWithANewerTerm() {
    return List.of(
        Arguments.of(false, false, new AppendEntriesReply(5, false, 0, 0, 0, 0, 1)),
        Arguments.of(false, false, new RequestVoteReply(5, false, false)),
        Arguments.of(true, true, new RequestVoteReply(5, false, true)));
  }

  @ParameterizedTest
  @MethodSource("repliesWithANewerTerm")
  void aNewerTermLearntFromAReplyIsOnDiskBeforeAnythingElseLeaves(
      boolean preVote, boolean staysCandidate, RaftMessage reply) {
    // Figure 2: currentTerm is persistent state, updated on stable storage before responding.
    FakeContext context = context("n1");
    RaftNode node = started(config().toBuilder().preVote(preVote).build(), context);
    node.onTimer(context, Server.ELECTION_TIMEOUT); // A (pre-)candidate.
    if (!staysCandidate) {
      node.onMessage(context, N2, new RequestVoteReply(1, true, false)); // Leader of term 1.
    }
    context.drain();

    node.onMessage(context, N3, reply);
    node.onMessage(context, N2, new RequestVote(1, N2, 0, 0, false)); // Answered with term 5.
    assertThat(context.drain()).allMatch(FakeContext.Sent::storageSynced);

    context.storage.loseUnsyncedWrites(); // A crash right after.
    assertThat(started(config(), context).currentTerm()).isEqualTo(5);
  }
}
