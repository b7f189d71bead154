package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leader's bookkeeping: replica counts, heartbeat rounds confirmed by a majority (what
 * ReadIndex waits for), the lease such a round grants, and CheckQuorum's question.
 */
class LeaderStateTest {
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");
  private static final NodeId N4 = NodeId.of("n4");
  private static final NodeId N5 = NodeId.of("n5");

  private static LeaderState fiveServers() {
    return new LeaderState(
        List.of(N2, N3, N4, N5), 4, 3, RaftConfig.defaults(List.of(N2)).maxInflightAppends());
  }

  @Test
  void aRoundIsConfirmedOnceAMajorityCountingTheLeaderAcknowledgedIt() {
    LeaderState leader = fiveServers();
    long round = leader.startRound(1_000);

    leader.acknowledge(N2, round, 0);
    assertThat(leader.confirmedRound()).isZero(); // Two of five.
    leader.acknowledge(N2, round, 0); // A duplicate counts once.
    assertThat(leader.confirmedRound()).isZero();
    leader.acknowledge(N4, round, 0);
    assertThat(leader.confirmedRound()).isEqualTo(round);
  }

  @Test
  void anOlderRoundsAcknowledgementDoesNotConfirmANewerRound() {
    LeaderState leader = fiveServers();
    long first = leader.startRound(1_000);
    long second = leader.startRound(2_000);

    leader.acknowledge(N2, first, 0);
    leader.acknowledge(N3, second, 0);

    assertThat(leader.confirmedRound()).isEqualTo(first);
    leader.acknowledge(N4, second, 0);
    assertThat(leader.confirmedRound()).isEqualTo(second);
  }

  @Test
  void theLeaseRunsFromWhenTheConfirmedRoundWasSent() {
    LeaderState leader = fiveServers();
    long round = leader.startRound(1_000);
    leader.startRound(5_000);
    assertThat(leader.leaseHolds(1_000)).isFalse();

    leader.acknowledge(N2, round, 100);
    leader.acknowledge(N3, round, 100);

    assertThat(leader.leaseHolds(1_099)).isTrue();
    assertThat(leader.leaseHolds(1_100)).isFalse();
  }

  @Test
  void replicasCountTheLeaderAndEveryMatchingFollower() {
    LeaderState leader = fiveServers();
    leader.matched(N2, 3);
    leader.matched(N3, 5);
    leader.matched(N3, 2); // A reordered, older reply never lowers matchIndex.

    assertThat(leader.replicas(3)).isEqualTo(3);
    assertThat(leader.replicas(5)).isEqualTo(2);
    assertThat(leader.nextIndex(N3)).isEqualTo(6);
    leader.backUp(N3, 1);
    assertThat(leader.nextIndex(N3)).isEqualTo(6); // Never below what is known to match.
  }

  @Test
  void checkQuorumAsksWhoAnsweredSinceTheLastCheck() {
    LeaderState leader = fiveServers();
    leader.acknowledge(N2, 0, 0);
    leader.acknowledge(N3, 0, 0);
    assertThat(leader.quorumHeardSinceLastCheck()).isTrue();
    leader.acknowledge(N2, 0, 0);
    assertThat(leader.quorumHeardSinceLastCheck()).isFalse();
  }

  @Test
  void unconfirmedRoundsAreBoundedAndTheForgottenOnesCounted() {
    LeaderState leader = fiveServers(); // No follower ever answers.
    for (int round = 0; round < LeaderState.UNCONFIRMED_ROUNDS_MAX + 3; round++) {
      leader.startRound(round);
    }
    assertThat(leader.takeRoundsForgotten()).isEqualTo(3);
    assertThat(leader.takeRoundsForgotten()).isZero();
  }

  @Test
  void theReadQueueIsBounded() {
    ReadQueue reads = fiveServers().reads();
    for (int read = 0; read < ReadQueue.READS_MAX; read++) {
      assertThat(reads.full()).isFalse();
      reads.add(N2, null, new ReadTicket(1, 1));
    }
    assertThat(reads.full()).isTrue();
  }
}
