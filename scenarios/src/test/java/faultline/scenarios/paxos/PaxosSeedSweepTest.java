package faultline.scenarios.paxos;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The randomized safety sweep of single-decree Paxos: for each seed, {@code paxos/random-faults}
 * draws another fault schedule, and the run must violate nothing and end with a value chosen.
 * {@code -Dfaultline.seeds=N} sets how many seeds (default 64), {@code -Dfaultline.seedBase=B} the
 * first; a failure prints the command that replays it.
 */
class PaxosSeedSweepTest {
  private static final Scenario SCENARIO =
      new Catalog(Protocols.scenarioLoader()).load("paxos/random-faults");

  static LongStream seeds() {
    long count = Long.getLong("faultline.seeds", 64);
    long base = Long.getLong("faultline.seedBase", 1);
    return LongStream.range(base, base + count);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void correctPaxosViolatesNothingAndChoosesUnderRandomFaults(long seed) {
    RunReport report =
        ScenarioRunner.run(SCENARIO, seed, SCENARIO.run().untilNanos(), TraceSink.discard());

    String replay = "replay with " + report.reproduceCommand();
    assertThat(report.outcome().violations()).as(replay).isEmpty();
    assertThat(report.outcome().metrics().get("paxos.chosen")).as(replay).isEqualTo(1L);
  }
}
