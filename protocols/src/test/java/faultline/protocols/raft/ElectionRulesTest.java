package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.engine.random.SimRandom;
import faultline.protocols.raft.ElectionRules.VoteRequest;
import faultline.protocols.raft.ElectionRules.Voter;
import faultline.protocols.raft.RaftMessage.RequestVote;
import faultline.protocols.raft.RaftMessage.RequestVoteReply;
import faultline.protocols.raft.RaftTimer.Server;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The election hook: a server asks its {@link ElectionRules} for every vote and every timeout, with
 * what Figure 2 says it knows, and the paper's rules are the default.
 */
class ElectionRulesTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");
  private static final RaftConfig CONFIG = RaftConfig.defaults(List.of(N1, N2, N3));

  /** Grants what it is told to and remembers what it was asked. */
  private static final class Scripted implements ElectionRules {
    final List<VoteRequest> requests = new ArrayList<>();
    final List<Voter> voters = new ArrayList<>();
    boolean grant;
    long timeoutNanos = 200_000_000L;

    @Override
    public boolean grantsVote(VoteRequest request, Voter voter) {
      requests.add(request);
      voters.add(voter);
      return grant;
    }

    @Override
    public long electionTimeoutNanos(long minNanos, long maxNanos, SimRandom random) {
      return timeoutNanos;
    }
  }

  @Test
  void theServerAsksTheRulesWithTheRequestAndItsNewerTermAndForgottenVote() {
    Scripted rules = new Scripted();
    rules.grant = true;
    FakeContext context = new FakeContext("n2", List.of(N1, N2, N3));
    RaftNode node = new RaftNode(CONFIG, rules);
    node.onStart(context);
    context.drain();

    node.onMessage(context, N1, new RequestVote(4, N1, 0, 0, false));

    assertThat(rules.requests).containsExactly(new VoteRequest(4, N1, 0, 0));
    assertThat(rules.voters).containsExactly(new Voter(4, null, 0, 0));
    assertThat(context.drain().getFirst().message())
        .isEqualTo(new RequestVoteReply(4, true, false));
    assertThat(node.votedFor()).isEqualTo(N1);
  }

  @Test
  void aRefusalLeavesTheVoteFree() {
    Scripted rules = new Scripted();
    FakeContext context = new FakeContext("n2", List.of(N1, N2, N3));
    RaftNode node = new RaftNode(CONFIG, rules);
    node.onStart(context);
    context.drain();

    node.onMessage(context, N1, new RequestVote(1, N1, 0, 0, false));

    assertThat(context.drain().getFirst().message())
        .isEqualTo(new RequestVoteReply(1, false, false));
    assertThat(node.votedFor()).isNull();
  }

  @Test
  void aPreVoteIsDecidedByTheRulesAsAVoteInTheTermAskedForWithNoVoteCast() {
    Scripted rules = new Scripted();
    rules.grant = true;
    FakeContext context = new FakeContext("n2", List.of(N1, N2, N3));
    RaftNode node = new RaftNode(CONFIG.toBuilder().preVote(true).build(), rules);
    node.onStart(context);
    node.onMessage(context, N3, new RequestVote(2, N3, 0, 0, false)); // Votes for n3 in term 2.
    context.drain();
    rules.requests.clear();
    rules.voters.clear();

    node.onMessage(context, N1, new RequestVote(3, N1, 0, 0, true));

    assertThat(rules.requests).containsExactly(new VoteRequest(3, N1, 0, 0));
    assertThat(rules.voters).containsExactly(new Voter(3, null, 0, 0));
    assertThat(context.drain().getFirst().message()).isEqualTo(new RequestVoteReply(3, true, true));
    assertThat(node.currentTerm()).isEqualTo(2); // A pre-vote changes neither term nor vote.
    assertThat(node.votedFor()).isEqualTo(N3);
  }

  @Test
  void aRuleThatRefusesRefusesPreVotesToo() {
    Scripted rules = new Scripted();
    FakeContext context = new FakeContext("n2", List.of(N1, N2, N3));
    RaftNode node = new RaftNode(CONFIG.toBuilder().preVote(true).build(), rules);
    node.onStart(context);
    context.drain();

    node.onMessage(context, N1, new RequestVote(1, N1, 0, 0, true));

    assertThat(rules.requests).containsExactly(new VoteRequest(1, N1, 0, 0));
    assertThat(context.drain().getFirst().message())
        .isEqualTo(new RequestVoteReply(0, false, true));
  }

  @Test
  void thePapersPreVoteRuleNeedsANewerTermAndAnUpToDateLog() {
    ElectionRules paper = ElectionRules.paper();

    assertThat(paper.grantsPreVote(new VoteRequest(4, N1, 5, 2), new Voter(3, N3, 5, 2))).isTrue();
    assertThat(paper.grantsPreVote(new VoteRequest(3, N1, 5, 2), new Voter(3, null, 5, 2)))
        .isFalse();
    assertThat(paper.grantsPreVote(new VoteRequest(4, N1, 4, 2), new Voter(3, null, 5, 2)))
        .isFalse();
  }

  @Test
  void theElectionTimerRunsForTheTimeoutTheRulesDraw() {
    Scripted rules = new Scripted();
    rules.timeoutNanos = 222_000_000L;
    FakeContext context = new FakeContext("n1", List.of(N1, N2, N3));
    new RaftNode(CONFIG, rules).onStart(context);

    assertThat(context.timers.get(Server.ELECTION_TIMEOUT)).isEqualTo(222_000_000L);
  }

  @Test
  void aTimeoutOutsideTheRangeIsRefusedWithTheRangeInTheMessage() {
    Scripted rules = new Scripted();
    rules.timeoutNanos = 0;
    FakeContext context = new FakeContext("n1", List.of(N1, N2, N3));

    assertThatThrownBy(() -> new RaftNode(CONFIG, rules).onStart(context))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned 0 ns")
        .hasMessageContaining("150000000 to 300000000");
  }

  @Test
  void thePapersRulesFollowFigureTwoAndSectionFiveFourOne() {
    ElectionRules paper = ElectionRules.paper();

    assertThat(paper.grantsVote(new VoteRequest(3, N1, 5, 2), new Voter(3, null, 5, 2))).isTrue();
    assertThat(paper.grantsVote(new VoteRequest(2, N1, 5, 2), new Voter(3, null, 5, 2))).isFalse();
    assertThat(paper.grantsVote(new VoteRequest(3, N1, 5, 2), new Voter(3, N3, 5, 2))).isFalse();
    assertThat(paper.grantsVote(new VoteRequest(3, N1, 5, 2), new Voter(3, N1, 5, 2))).isTrue();
    assertThat(paper.grantsVote(new VoteRequest(3, N1, 9, 1), new Voter(3, null, 4, 2))).isFalse();
    assertThat(paper.grantsVote(new VoteRequest(3, N1, 4, 2), new Voter(3, null, 5, 2))).isFalse();
    assertThat(paper.grantsVote(new VoteRequest(3, N1, 2, 2), new Voter(3, null, 9, 1))).isTrue();
    SimRandom random = new SimRandom(1);
    for (int i = 0; i < 100; i++) {
      assertThat(paper.electionTimeoutNanos(10, 20, random)).isBetween(10L, 20L);
    }
  }
}
