package faultline.protocols.swim;

import static faultline.engine.time.Nanos.SECOND;
import static faultline.protocols.swim.SwimRuns.n;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.fault.Fault;
import faultline.engine.random.Ratio;
import org.junit.jupiter.api.Test;

/** Whole SWIM groups in the simulator, judged by the ground-truth checks. */
class SwimSimTest {
  @Test
  void aHealthyGroupHasNoFalsePositives() {
    RunOutcome outcome = SwimRuns.of(10).seconds(30).run();

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics()).doesNotContainKey("membership.falsePositives");
    assertThat(outcome.metrics().get("swim.probes")).isGreaterThan(250);
    assertThat(outcome.metrics()).doesNotContainKey("swim.probesFailed");
  }

  @Test
  void aCrashIsSuspectedConfirmedAndKnownToAll() {
    RunOutcome outcome =
        SwimRuns.of(10).seconds(40).fault(5 * SECOND, new Fault.Crash(n(3), false)).run();

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("membership.firstDetectionCount")).isEqualTo(1);
    assertThat(outcome.metrics().get("membership.fullDisseminationCount")).isEqualTo(1);
    assertThat(outcome.metrics().get("membership.firstDetectionMaxNanos")).isLessThan(6 * SECOND);
    assertThat(outcome.metrics().get("membership.fullDisseminationMaxNanos"))
        .isLessThan(20 * SECOND);
  }

  @Test
  void aLossyNetworkSuspectsButRefutes() {
    RunOutcome outcome = SwimRuns.of(10).seconds(60).loss(Ratio.of(1, 10)).run();

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("membership.falseSuspicions")).isPositive();
    assertThat(outcome.metrics().get("swim.refutations")).isPositive();
    assertThat(outcome.metrics()).doesNotContainKey("membership.falsePositives");
  }

  @Test
  void aPauseLongerThanTheSuspicionIsAFalsePositiveThatRefutes() {
    RunOutcome outcome =
        SwimRuns.of(10).seconds(60).fault(5 * SECOND, new Fault.Pause(n(4), 15 * SECOND)).run();

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("membership.falsePositives.pause")).isEqualTo(1);
  }
}
