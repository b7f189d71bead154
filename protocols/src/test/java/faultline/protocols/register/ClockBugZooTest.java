package faultline.protocols.register;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bug zoo: each planted clock mistake must be caught by the invariant that guards against it,
 * within the first few seeds. This is what proves the checkers can fail.
 */
class ClockBugZooTest {
  @ParameterizedTest(name = "{0} is caught by {1}")
  @CsvSource({
    "LAMPORT_RECEIVE_WITHOUT_MAX, clocks.lamport-clock-condition",
    "VECTOR_RECEIVE_WITHOUT_MERGE, clocks.vector-matches-causality",
    "HLC_RECEIVE_IGNORES_REMOTE, clocks.hlc-causality",
    "HLC_IGNORES_PHYSICAL_CLOCK, clocks.hlc-physical-floor",
    "HLC_ADDS_DELAY_ESTIMATE, clocks.hlc-bounded-by-causal-past"
  })
  void plantedBugIsCaught(RegisterBug bug, String invariant) {
    for (long seed = 1; seed <= 10; seed++) {
      RunOutcome outcome = RegisterRuns.run(seed, Timestamping.HLC, Set.of(bug), false);
      if (outcome.violations().stream().map(Violation::invariant).anyMatch(invariant::equals)) {
        Violation first = outcome.violations().getFirst();
        assertThat(first.seq()).isPositive();
        assertThat(first.message()).isNotBlank();
        return;
      }
    }
    throw new AssertionError(bug + " was not caught by " + invariant + " in seeds 1..10");
  }
}
