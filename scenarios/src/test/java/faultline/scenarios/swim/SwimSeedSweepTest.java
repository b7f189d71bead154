package faultline.scenarios.swim;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SWIM sweep: on every seed of {@code swim/random-faults} (a different schedule of partitions,
 * one-way cuts, crashes, pauses and clock steps), no check may fail (completeness within its bound
 * and the incarnation rules), and once the faults are over the group must agree again. {@code
 * -Dfaultline.seeds=N} sets how many seeds (default 24), {@code -Dfaultline.seedBase=B} the first;
 * a failure prints the command that replays it.
 */
class SwimSeedSweepTest {
  private static final Scenario SCENARIO =
      new Catalog(Protocols.scenarioLoader()).load("swim/random-faults");

  static LongStream seeds() {
    long count = Long.getLong("faultline.seeds", 24);
    long base = Long.getLong("faultline.seedBase", 1);
    return LongStream.range(base, base + count);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void everyCheckHoldsAndTheGroupConverges(long seed) {
    RunReport report =
        ScenarioRunner.run(
            SCENARIO,
            seed,
            SCENARIO.run().durationNanos(),
            faultline.engine.trace.TraceSink.discard());

    assertThat(report.outcome().violations()).as(report.reproduceCommand()).isEmpty();
    assertThat(report.outcome().metrics().getOrDefault("membership.wrongAtEnd", 0L))
        .as("beliefs still wrong 40 s after the last fault; %s", report.reproduceCommand())
        .isZero();
  }
}
