package faultline.protocols.raft;

import static faultline.protocols.raft.PaperServer.N1;
import static faultline.protocols.raft.PaperServer.N2;
import static faultline.protocols.raft.PaperServer.N3;
import static faultline.protocols.raft.PaperServer.N4;
import static faultline.protocols.raft.PaperServer.cluster;
import static faultline.protocols.raft.PaperServer.entry;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvOperation;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import faultline.protocols.raft.RaftMessage.AppendEntriesReply;
import faultline.protocols.raft.RaftMessage.RequestVote;
import faultline.protocols.raft.RaftMessage.RequestVoteReply;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests tied to sentences of the Raft paper (Ongaro and Ousterhout, "In Search of an Understandable
 * Consensus Algorithm (Extended Version)", 2014), on the model of etcd-raft's paper tests: each
 * quotes the sentence it checks and names its section, and drives one server (two for Figure 7)
 * through a {@link FakeContext} by {@link PaperServer}.
 */
class RaftPaperTest {
  private static final List<NodeId> THREE = cluster(3);

  private enum Kind {
    APPEND_ENTRIES,
    APPEND_ENTRIES_REPLY,
    REQUEST_VOTE,
    REQUEST_VOTE_REPLY
  }

  private static Message ofTerm(Kind kind, long term) {
    return switch (kind) {
      case APPEND_ENTRIES -> new AppendEntries(term, N2, 0, 0, List.of(), 0, 1);
      case APPEND_ENTRIES_REPLY -> new AppendEntriesReply(term, false, 0, 0, 1, 0, 1);
      case REQUEST_VOTE -> new RequestVote(term, N2, 0, 0, false);
      case REQUEST_VOTE_REPLY -> new RequestVoteReply(term, false, false);
    };
  }

  private static PaperServer inRole(Role role) {
    PaperServer server = PaperServer.of(N1, THREE, 1);
    switch (role) {
      case CANDIDATE -> server.timeout();
      case LEADER -> server.elect(N2);
      default -> {}
    }
    server.sent();
    return server;
  }

  // §5.1

  /**
   * §5.1: "Current terms are exchanged whenever servers communicate; if one server's current term
   * is smaller than the other's, then it updates its current term to the larger value. If a
   * candidate or leader discovers that its term is out of date, it immediately reverts to follower
   * state."
   */
  @ParameterizedTest(name = "a {0} that gets a {1} of a later term")
  @MethodSource("rolesAndKinds")
  void aLaterTermInAnyMessageMakesAnyServerAFollowerOfThatTerm(Role role, Kind kind) {
    PaperServer server = inRole(role);

    server.receive(N2, ofTerm(kind, 5));

    assertThat(server.node.currentTerm()).isEqualTo(5);
    assertThat(server.node.role()).isEqualTo(Role.FOLLOWER);
  }

  static Stream<Arguments> rolesAndKinds() {
    return Stream.of(Role.FOLLOWER, Role.CANDIDATE, Role.LEADER)
        .flatMap(role -> Stream.of(Kind.values()).map(kind -> Arguments.of(role, kind)));
  }

  /** §5.1: "If a server receives a request with a stale term number, it rejects the request." */
  @ParameterizedTest(name = "a {0} refuses a stale AppendEntries and a stale RequestVote")
  @EnumSource(
      value = Role.class,
      names = {"FOLLOWER", "CANDIDATE", "LEADER"})
  void aRequestOfAStaleTermIsRejectedAndChangesNothing(Role role) {
    PaperServer server = PaperServer.of(N1, THREE, 3);
    switch (role) {
      case CANDIDATE -> server.timeout();
      case LEADER -> server.elect(N3);
      default -> {}
    }
    long term = server.node.currentTerm();
    server.sent();

    server.receive(N2, new AppendEntries(2, N2, 0, 0, List.of(entry(2, "stale")), 0, 1));
    server.receive(N2, new RequestVote(2, N2, 9, 2, false));

    assertThat(server.sentTo(N2))
        .containsExactly(
            new AppendEntriesReply(term, false, 0, 0, 0, 0, 1),
            new RequestVoteReply(term, false, false));
    assertThat(server.node.currentTerm()).isEqualTo(term);
    assertThat(server.node.role()).isEqualTo(role);
  }

  /**
   * Ongaro's dissertation §9.6, PreVote, the spelled-out exception to §5.1: a pre-vote asks about a
   * term the candidate has not entered, so it moves no server's term, however late that term.
   */
  @Test
  void aPreVoteOfALaterTermChangesNoTerm() {
    PaperServer server = inRole(Role.FOLLOWER);

    server.receive(N2, new RequestVote(7, N2, 0, 0, true));

    assertThat(server.node.currentTerm()).isEqualTo(1);
    assertThat(server.sentTo(N2)).containsExactly(new RequestVoteReply(7, true, true));
  }

  // §5.2

  /** §5.2: "When servers start up, they begin as followers." */
  @Test
  void serversStartAsFollowers() {
    assertThat(PaperServer.of(N1, THREE, 0).node.role()).isEqualTo(Role.FOLLOWER);
  }

  /**
   * §5.2: "To begin an election, a follower increments its current term and transitions to
   * candidate state. It then votes for itself and issues RequestVote RPCs in parallel to each of
   * the other servers in the cluster."
   */
  @Test
  void aFollowerThatTimesOutStandsInTheNextTerm() {
    PaperServer server = PaperServer.of(N1, THREE, 1, 1);

    server.timeout();

    assertThat(server.node.role()).isEqualTo(Role.CANDIDATE);
    assertThat(server.node.currentTerm()).isEqualTo(2);
    assertThat(server.node.votedFor()).isEqualTo(N1);
    assertThat(server.sent())
        .extracting(FakeContext.Sent::message)
        .containsExactly(new RequestVote(2, N1, 1, 1, false), new RequestVote(2, N1, 1, 1, false));
  }

  /**
   * §5.2: "The third possible outcome is that a candidate neither wins nor loses the election ...
   * When this happens, each candidate will time out and start a new election by incrementing its
   * term and initiating another round of RequestVote RPCs."
   */
  @Test
  void aCandidateThatTimesOutStartsANewElection() {
    PaperServer server = inRole(Role.CANDIDATE);

    server.timeout();

    assertThat(server.node.role()).isEqualTo(Role.CANDIDATE);
    assertThat(server.node.currentTerm()).isEqualTo(3);
    assertThat(server.sentTo(N2)).containsExactly(new RequestVote(3, N1, 0, 0, false));
  }

  /**
   * §5.2: "A candidate wins an election if it receives votes from a majority of the servers in the
   * full cluster for the same term."
   */
  @ParameterizedTest(name = "{0} servers, granted by {1}, refused by {2}: {3}")
  @CsvSource({
    "1, '', '', LEADER",
    "3, n2, '', LEADER",
    "3, '', n2 n3, CANDIDATE",
    "3, '', '', CANDIDATE",
    "5, n2 n3, '', LEADER",
    "5, n2, n3 n4 n5, CANDIDATE",
    "5, n2, '', CANDIDATE",
  })
  void aCandidateWinsWithAMajorityOfTheFullCluster(
      int size, String granted, String refused, Role outcome) {
    PaperServer server = PaperServer.of(N1, cluster(size), 0);
    server.timeout();

    for (String voter : granted.split(" ")) {
      if (!voter.isEmpty()) {
        server.receive(NodeId.of(voter), new RequestVoteReply(1, true, false));
      }
    }
    for (String voter : refused.split(" ")) {
      if (!voter.isEmpty()) {
        server.receive(NodeId.of(voter), new RequestVoteReply(1, false, false));
      }
    }

    assertThat(server.node.role()).isEqualTo(outcome);
  }

  /**
   * §5.2: "Each server will vote for at most one candidate in a given term, on a
   * first-come-first-served basis."
   */
  @ParameterizedTest(name = "voted for {0}, asked by {1}: granted {2}")
  @CsvSource({"'', n2, true", "'', n3, true", "n2, n2, true", "n2, n3, false", "n3, n2, false"})
  void aServerVotesForAtMostOneCandidateInATerm(
      String votedFor, String candidate, boolean granted) {
    PaperServer server = PaperServer.of(N1, THREE, 1);
    if (!votedFor.isEmpty()) {
      server.receive(NodeId.of(votedFor), new RequestVote(1, NodeId.of(votedFor), 0, 0, false));
      server.sent();
    }

    server.receive(NodeId.of(candidate), new RequestVote(1, NodeId.of(candidate), 0, 0, false));

    assertThat(server.sentTo(NodeId.of(candidate)))
        .containsExactly(new RequestVoteReply(1, granted, false));
  }

  /**
   * §5.2: "While waiting for votes, a candidate may receive an AppendEntries RPC from another
   * server claiming to be leader. If the leader's term ... is at least as large as the candidate's
   * current term, then the candidate recognizes the leader as legitimate and returns to follower
   * state. If the term in the RPC is smaller than the candidate's current term, then the candidate
   * rejects the RPC and continues in candidate state."
   */
  @ParameterizedTest(name = "an AppendEntries of term {0} leaves the candidate of term 2 a {1}")
  @CsvSource({"1, CANDIDATE", "2, FOLLOWER", "3, FOLLOWER"})
  void aCandidateFallsBackToAnEqualOrLaterLeader(long leaderTerm, Role role) {
    PaperServer server = inRole(Role.CANDIDATE);

    server.receive(N2, new AppendEntries(leaderTerm, N2, 0, 0, List.of(), 0, 1));

    assertThat(server.node.role()).isEqualTo(role);
    assertThat(server.node.currentTerm()).isEqualTo(Math.max(2, leaderTerm));
  }

  /**
   * §5.2: a candidate counts "votes ... for the same term": a vote granted in an earlier candidacy,
   * delivered late, elects no one.
   */
  @Test
  void aCandidateIgnoresVotesGrantedForAnEarlierTerm() {
    PaperServer server = inRole(Role.CANDIDATE);
    server.timeout(); // Term 3.

    server.receive(N2, new RequestVoteReply(2, true, false));

    assertThat(server.node.role()).isEqualTo(Role.CANDIDATE);
    server.receive(N2, new RequestVoteReply(3, true, false));
    assertThat(server.node.role()).isEqualTo(Role.LEADER);
  }

  /**
   * §5.2: "Raft uses randomized election timeouts to ensure that split votes are rare ... election
   * timeouts are chosen randomly from a fixed interval (e.g., 150–300ms)."
   */
  @Test
  void electionTimeoutsAreDrawnFromTheIntervalAndDiffer() {
    PaperServer server = inRole(Role.FOLLOWER);
    Set<Long> drawn = new TreeSet<>();
    for (int i = 0; i < 50; i++) {
      server.timeout();
      drawn.add(server.context.timers.get(RaftTimer.Server.ELECTION_TIMEOUT));
    }
    assertThat(drawn).allMatch(nanos -> 150_000_000L <= nanos && nanos <= 300_000_000L);
    assertThat(drawn).hasSizeGreaterThan(40);
  }

  // §5.3

  /**
   * §5.3: "The leader appends the command to its log as a new entry, then issues AppendEntries RPCs
   * in parallel to each of the other servers to replicate the entry."
   */
  @Test
  void aLeaderAppendsACommandAndSendsItToEveryFollower() {
    PaperServer leader = inRole(Role.LEADER);
    leader.receive(N2, new AppendEntriesReply(2, true, 1, 0, 0, 0, 1)); // n2 holds the no-op.
    leader.sent();

    leader.receive(NodeId.of("c1"), put("x"));

    assertThat(leader.logTerms()).containsExactly(2L, 2L);
    assertThat(leader.sentTo(N2))
        .singleElement()
        .isInstanceOfSatisfying(
            AppendEntries.class,
            append -> {
              assertThat(append.prevLogIndex()).isEqualTo(1);
              assertThat(append.entries()).extracting(LogEntry::term).containsExactly(2L);
            });
  }

  /**
   * §5.3: "A log entry is committed once the leader that created the entry has replicated it on a
   * majority of the servers ... The leader keeps track of the highest index it knows to be
   * committed, and it includes that index in future AppendEntries RPCs."
   */
  @Test
  void anEntryOnAMajorityIsCommittedAndTheIndexTravelsInLaterAppends() {
    PaperServer leader = PaperServer.of(N1, cluster(5), 1).elect(N2, N3);
    leader.receive(N2, new AppendEntriesReply(2, true, 1, 0, 0, 0, 1));
    assertThat(leader.node.commitIndex()).isZero();

    leader.receive(N3, new AppendEntriesReply(2, true, 1, 0, 0, 0, 1));
    assertThat(leader.node.commitIndex()).isEqualTo(1);

    leader.sent();
    leader.heartbeat();
    assertThat(leader.sentTo(N4))
        .singleElement()
        .isInstanceOfSatisfying(
            AppendEntries.class, append -> assertThat(append.leaderCommit()).isEqualTo(1));
  }

  /**
   * §5.3: "Once a follower learns that a log entry is committed, it applies the entry to its local
   * state machine (in log order)"; Figure 2: "If leaderCommit > commitIndex, set commitIndex =
   * min(leaderCommit, index of last new entry)."
   */
  @ParameterizedTest(name = "leaderCommit {0} over 2 new entries: commitIndex {1}")
  @CsvSource({"0, 0", "1, 1", "2, 2", "5, 2"})
  void aFollowerCommitsUpToTheLeadersCommitIndexWithinWhatItHolds(long leaderCommit, long commit) {
    PaperServer follower = PaperServer.of(N1, THREE, 1);

    follower.receive(
        N2, new AppendEntries(1, N2, 0, 0, List.of(entry(1, "a"), entry(1, "b")), leaderCommit, 1));

    assertThat(follower.node.commitIndex()).isEqualTo(commit);
    assertThat(follower.node.lastApplied()).isEqualTo(commit);
  }

  /**
   * §5.3: "When sending an AppendEntries RPC, the leader includes the index and term of the entry
   * in its log that immediately precedes the new entries. If the follower does not find an entry in
   * its log with the same index and term, then it refuses the new entries."
   */
  @ParameterizedTest(name = "prevLogIndex {0}, prevLogTerm {1} on log [1, 2]: accepted {2}")
  @CsvSource({
    "0, 0, true",
    "1, 1, true",
    "2, 2, true",
    "1, 2, false", // The term differs.
    "3, 2, false", // The index is past the log's end.
  })
  void aFollowerRefusesEntriesThatDoNotFollowAMatchingEntry(
      long prevIndex, long prevTerm, boolean accepted) {
    PaperServer follower = PaperServer.of(N1, THREE, 2, 1, 2);

    follower.receive(N2, new AppendEntries(2, N2, prevIndex, prevTerm, List.of(), 0, 1));

    assertThat(follower.sentTo(N2))
        .singleElement()
        .isInstanceOfSatisfying(
            AppendEntriesReply.class, reply -> assertThat(reply.success()).isEqualTo(accepted));
  }

  /**
   * §5.3, Figure 7: "When the leader at the top comes to power, it is possible that any of
   * scenarios (a–f) could occur in follower logs ... the leader handles inconsistencies by forcing
   * the followers' logs to duplicate its own." The leader is that of term 8; each follower ends
   * with the leader's log, its no-op of term 8 included, whether it lacked entries (a, b), had
   * extra uncommitted ones (c, d), or both (e, f).
   */
  @ParameterizedTest(name = "Figure 7 ({0})")
  @MethodSource("figure7")
  void figure7EveryFollowerLogEndsAsTheLeaders(String name, long followerTerm, long[] follower) {
    long[] leaderLog = {1, 1, 1, 4, 4, 5, 5, 6, 6, 6};
    PaperServer leader = PaperServer.of(N1, cluster(3), 7, leaderLog).elect(N3);
    PaperServer other = PaperServer.of(N2, cluster(3), followerTerm, follower);
    assertThat(leader.node.currentTerm()).isEqualTo(8);

    leader.exchangeWith(other, 40);

    assertThat(other.logTerms()).isEqualTo(leader.logTerms());
    assertThat(leader.logTerms()).endsWith(6L, 8L);
  }

  static Stream<Arguments> figure7() {
    return Stream.of(
        Arguments.of("a", 6, new long[] {1, 1, 1, 4, 4, 5, 5, 6, 6}),
        Arguments.of("b", 4, new long[] {1, 1, 1, 4}),
        Arguments.of("c", 6, new long[] {1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6}),
        Arguments.of("d", 7, new long[] {1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7}),
        Arguments.of("e", 4, new long[] {1, 1, 1, 4, 4, 4, 4}),
        Arguments.of("f", 3, new long[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3}));
  }

  // §5.4

  /**
   * §5.4.1: "Raft determines which of two logs is more up-to-date by comparing the index and term
   * of the last entries in the logs. If the logs have last entries with different terms, then the
   * log with the later term is more up-to-date. If the logs end with the same term, then whichever
   * log is longer is more up-to-date." The voter's log is [1, 2]; a vote goes to a candidate at
   * least as up to date.
   */
  @ParameterizedTest(name = "candidate's last entry: index {0}, term {1}: granted {2}")
  @CsvSource({
    "1, 1, false", // An older last term.
    "3, 1, false", // An older last term, however long the log.
    "1, 2, false", // The same last term, shorter.
    "2, 2, true", // The same log end.
    "3, 2, true", // The same last term, longer.
    "1, 3, true", // A later last term, however short the log.
  })
  void aVoteGoesOnlyToACandidateAtLeastAsUpToDate(long lastIndex, long lastTerm, boolean granted) {
    PaperServer voter = PaperServer.of(N1, THREE, 2, 1, 2);

    voter.receive(N2, new RequestVote(3, N2, lastIndex, lastTerm, false));

    assertThat(voter.sentTo(N2)).containsExactly(new RequestVoteReply(3, granted, false));
  }

  /**
   * §5.4.2, Figure 8: "Raft never commits log entries from previous terms by counting replicas.
   * Only log entries from the leader's current term are committed by counting replicas; once an
   * entry from the current term has been committed in this way, then all prior entries are
   * committed indirectly." S1 leads term 4 with entry 2 of term 2, as in Figure 8 (c); its no-op of
   * term 4 is entry 3.
   */
  @Test
  void figure8AnEarlierTermsEntryOnAMajorityWaitsForOneOfTheCurrentTerm() {
    PaperServer leader = PaperServer.of(N1, cluster(5), 3, 1, 2).elect(N2, N3);
    assertThat(leader.node.currentTerm()).isEqualTo(4);

    leader.receive(N2, new AppendEntriesReply(4, true, 2, 0, 0, 0, 1));
    leader.receive(N3, new AppendEntriesReply(4, true, 2, 0, 0, 0, 1));
    assertThat(leader.node.commitIndex()).isZero(); // Entry 2 is on S1, S2, S3: not enough.

    leader.receive(N2, new AppendEntriesReply(4, true, 3, 0, 0, 0, 1));
    leader.receive(N3, new AppendEntriesReply(4, true, 3, 0, 0, 0, 1));
    assertThat(leader.node.commitIndex()).isEqualTo(3); // The no-op commits entry 2 with it.
  }

  /** §5.4.2, the mistake Figure 8 warns of, as the bug zoo plants it: entry 2 commits at once. */
  @Test
  void figure8TheCountingMistakeCommitsTheEarlierTermsEntry() {
    RaftConfig counting =
        RaftConfig.builder(cluster(5))
            .bugs(Set.of(RaftBug.COMMIT_EARLIER_TERM_BY_COUNTING))
            .build();
    PaperServer leader = PaperServer.of(N1, counting, 3, 1, 2).elect(N2, N3);

    leader.receive(N2, new AppendEntriesReply(4, true, 2, 0, 0, 0, 1));
    leader.receive(N3, new AppendEntriesReply(4, true, 2, 0, 0, 0, 1));

    assertThat(leader.node.commitIndex()).isEqualTo(2);
  }

  private static ClientRequest put(String value) {
    return new ClientRequest(1, 1, new KvOperation("put", "x", value, null));
  }
}
