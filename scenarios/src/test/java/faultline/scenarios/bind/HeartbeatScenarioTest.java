package faultline.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.RunOutcome;
import faultline.scenarios.cli.ScenarioArgument;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.run.ScenarioRunner;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat detectors through scenario files: both find a crash within their bound and are
 * judged by the same ground-truth checks as SWIM; a pause longer than the fixed timeout is a false
 * positive that ends when the heartbeats return; bad parameters name file, line:column and field.
 */
class HeartbeatScenarioTest {
  private static Scenario scenario(String params, String faults) {
    String text =
        "{\"description\": \"x\", \"protocol\": \"heartbeat\", \"nodes\": 8, \"params\": "
            + params
            + ", \"network\": {\"latency\": \"1ms..5ms\"}, \"faults\": "
            + faults
            + ", \"run\": {\"duration\": \"30s\"}}";
    return ScenarioArgument.loader().load("h.json", "h.json", "h", text);
  }

  private static RunOutcome run(Scenario scenario) {
    return ScenarioRunner.run(scenario).outcome();
  }

  @Test
  void aFixedTimeoutFindsACrashAfterTheTimeout() {
    RunOutcome outcome =
        run(scenario("{}", "[{\"at\": \"10s\", \"type\": \"crash\", \"node\": \"n2\"}]"));
    assertThat(outcome.violations()).isEmpty();
    long first = outcome.metrics().get("membership.firstDetectionMaxNanos");
    long all = outcome.metrics().get("membership.fullDisseminationMaxNanos");
    // The last heartbeat came up to one interval before the crash; the timeout is 5 s, judged
    // every 100 ms.
    assertThat(first).isBetween(4_000_000_000L, 5_200_000_000L);
    assertThat(all).isBetween(first, 5_200_000_000L);
    assertThat(outcome.metrics()).doesNotContainKey("membership.falsePositives");
    // All-to-all: n - 1 = 7 heartbeats per member per second.
    double perMemberSecond =
        outcome.metrics().get("membership.messagesSent")
            / (outcome.metrics().get("membership.memberMillis") / 1000.0);
    assertThat(perMemberSecond).isBetween(6.5, 7.0);
  }

  @Test
  void phiAccrualFindsACrashToo() {
    RunOutcome outcome =
        run(
            scenario(
                "{\"detector\": \"phi-accrual\"}",
                "[{\"at\": \"10s\", \"type\": \"crash\", \"node\": \"n2\"}]"));
    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("membership.fullDisseminationMaxNanos"))
        .isBetween(2_000_000_000L, 5_000_000_000L);
  }

  @Test
  void aPauseLongerThanTheTimeoutIsAFalsePositiveThatHeals() {
    RunOutcome outcome =
        run(
            scenario(
                "{}",
                "[{\"at\": \"10s\", \"type\": \"pause\", \"node\": \"n3\", \"duration\": \"7s\"}]"));
    assertThat(outcome.violations()).isEmpty();
    // Seven members hold n3 faulty; and n3, waking, judges the others before it reads the
    // heartbeats that piled up, and holds all seven faulty for a moment: eight members, each
    // falsely declared, at least fourteen wrong verdicts. Only n3's is explained by a pause of the
    // accused.
    assertThat(outcome.metrics().get("membership.falsePositives")).isEqualTo(8);
    assertThat(outcome.metrics().get("membership.falsePositiveViews")).isGreaterThanOrEqualTo(14);
    assertThat(outcome.metrics().get("membership.falsePositives.pause")).isEqualTo(1);
    assertThat(outcome.metrics().get("membership.wrongAtEnd")).isZero();
  }

  @Test
  void badParametersAreLocated() {
    assertThatThrownBy(() -> run(scenario("{\"detector\": \"gossip\"}", "[]")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("h.json:1:")
        .hasMessageContaining("params.detector")
        .hasMessageContaining("phi-accrual");
    assertThatThrownBy(() -> run(scenario("{\"timeout\": \"1s\"}", "[]")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("params.timeout")
        .hasMessageContaining("longer than the interval (1s)");
    assertThatThrownBy(() -> run(scenario("{\"phi\": {\"threshold\": 0}}", "[]")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("params.phi.threshold");
  }
}
