package faultline.protocols.paxos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder holds the defaults, validates quorums, and plants each bug as a strategy. */
class PaxosConfigTest {
  private static final List<NodeId> FIVE =
      List.of("n1", "n2", "n3", "n4", "n5").stream().map(NodeId::of).toList();

  @Test
  void defaultsAreThePapers() {
    PaxosConfig config = PaxosConfig.builder(FIVE).proposer(FIVE.get(0), "red", 0).build();
    assertThat(config.quorums()).isEqualTo(new Quorums(5, 3, 3));
    assertThat(config.learners()).isEqualTo(FIVE);
    assertThat(config.backoff().enabled()).isFalse();
    assertThat(config.attemptTimeoutNanos()).isEqualTo(PaxosConfig.DEFAULT_ATTEMPT_TIMEOUT_NANOS);
    assertThat(config.acceptorRules()).isSameAs(AcceptorRules.PAPER);
    assertThat(config.valueChoice()).isSameAs(ValueChoice.HIGHEST_ACCEPTED);
    assertThat(config.ballotNumbering()).isSameAs(BallotNumbering.UNIQUE);
    assertThat(config.acceptorStore()).isSameAs(AcceptorStore.DURABLE);
    assertThat(config.bugs()).isEmpty();
    assertThat(config.proposedValues()).containsExactly("red");
  }

  @Test
  void flexibleQuorumsMustIntersect() {
    assertThat(PaxosConfig.builder(FIVE).quorums(4, 2).build().quorums().intersect()).isTrue();
    assertThatThrownBy(() -> PaxosConfig.builder(FIVE).quorums(3, 2).build())
        .hasMessageContaining("Q1=3 Q2=2 of 5")
        .hasMessageContaining("must exceed");
    assertThatThrownBy(() -> PaxosConfig.builder(FIVE).quorums(6, 2).build())
        .hasMessageContaining("between 1 and the 5 acceptors");
    PaxosConfig planted =
        PaxosConfig.builder(FIVE).quorums(2, 2).bug(PaxosBug.NON_INTERSECTING_QUORUMS).build();
    assertThat(planted.quorums().intersect()).isFalse();
  }

  @Test
  void everyBugReplacesAStrategyAndNothingElse() {
    PaxosConfig paper = PaxosConfig.builder(FIVE).build();
    for (PaxosBug bug : PaxosBug.values()) {
      PaxosConfig planted = PaxosConfig.builder(FIVE).quorums(3, 3).bug(bug).build();
      int changed = 0;
      changed += planted.acceptorRules() == paper.acceptorRules() ? 0 : 1;
      changed += planted.valueChoice() == paper.valueChoice() ? 0 : 1;
      changed += planted.ballotNumbering() == paper.ballotNumbering() ? 0 : 1;
      changed += planted.acceptorStore() == paper.acceptorStore() ? 0 : 1;
      assertThat(changed)
          .as(bug.label())
          .isEqualTo(bug == PaxosBug.NON_INTERSECTING_QUORUMS ? 0 : 1);
      assertThat(planted.bugs()).containsExactly(bug);
      assertThat(PaxosBug.ofLabel(bug.label())).isEqualTo(bug);
    }
  }

  @Test
  void aProposerIsListedOnce() {
    assertThatThrownBy(
            () ->
                PaxosConfig.builder(FIVE)
                    .proposer(FIVE.get(0), "a", 0)
                    .proposer(FIVE.get(0), "b", 0)
                    .build())
        .hasMessageContaining("n1 is listed as a proposer twice");
  }
}
