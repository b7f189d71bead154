package faultline.protocols.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.check.Violation;
import faultline.engine.node.NodeId;
import org.junit.jupiter.api.Test;

/**
 * The clock invariants judge any {@link ClockedNode}, not just the register: here, nodes that keep
 * only a Lamport clock. The Lamport invariant holds for honest nodes and catches the forgotten max;
 * the vector and HLC invariants skip events that carry no such clock.
 */
class ClockedNodeTest {
  private static RunOutcome run(boolean forgetMax) {
    SimulationBuilder builder = Simulation.builder().seed(5).limits(Limits.of(500_000_000L));
    for (int i = 1; i <= 3; i++) {
      builder.node(NodeId.of("n" + i), id -> new LamportOnlyNode(forgetMax));
    }
    ClockInvariants.all().forEach(builder::invariant);
    return builder.build().run();
  }

  @Test
  void honestLamportNodesHoldTheClockCondition() {
    RunOutcome outcome = run(false);
    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("net.delivered")).isGreaterThan(100);
  }

  @Test
  void aForgottenMaxIsCaughtAndOnlyByTheLamportInvariant() {
    RunOutcome outcome = run(true);
    assertThat(outcome.violations())
        .isNotEmpty()
        .extracting(Violation::invariant)
        .containsOnly(ClockInvariants.LAMPORT_CLOCK_CONDITION);
  }
}
