package faultline.scenarios.narration;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every narration step of every bundled scenario points at a moment its own run has: each selector
 * finds its event at the scenario's seed, in the order the steps are told, and every window holds
 * its moment. The teaching scenarios the course walks through are narrated.
 */
class BundledNarrationsTest {
  private static final Catalog CATALOG = new Catalog(Protocols.scenarioLoader());

  static List<String> narrated() {
    return Catalog.names().stream()
        .filter(name -> !CATALOG.load(name).narration().steps().isEmpty())
        .toList();
  }

  @Test
  void theTeachingScenariosAreNarrated() {
    assertThat(narrated())
        .contains(
            "clocks/lww-skew",
            "raft/split-brain",
            "raft/figure-8",
            "locks/gc-pause-unfenced",
            "locks/gc-pause-fenced",
            "redlock/clock-jump",
            "leases/partitioned-leader",
            "paxos/highest-accepted-ignored",
            "swim/gc-pause-false-positive");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("narrated")
  void everyStepFindsItsMomentInTheScenariosOwnRun(String name) {
    Scenario scenario = CATALOG.load(name);
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, scenario.seed(), scenario.run().untilNanos(), sink);

    NarrationResolver.Resolution resolution =
        NarrationResolver.resolve(scenario.narration(), sink.lines(), scenario.seed(), true);

    assertThat(resolution.missing()).isEmpty();
    List<ResolvedStep> steps = resolution.steps();
    assertThat(steps).hasSameSizeAs(scenario.narration().steps());
    long previous = Long.MIN_VALUE;
    for (ResolvedStep step : steps) {
      assertThat(step.timeNanos())
          .as("step %d in order", step.number())
          .isGreaterThanOrEqualTo(previous);
      previous = step.timeNanos();
      if (step.hasWindow()) {
        assertThat(step.windowStartNanos()).isLessThanOrEqualTo(step.timeNanos());
        assertThat(step.windowEndNanos()).isGreaterThanOrEqualTo(step.timeNanos());
      }
      assertThat(step.caption()).hasSizeLessThanOrEqualTo(300);
    }
  }
}
