package faultline.scenarios.multipaxos;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.check.EventuallyResult;
import faultline.engine.trace.TraceSink;
import faultline.protocols.paxos.multi.check.MultiPaxosProperties;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The randomized safety sweep of Multi-Paxos: for each seed, {@code multipaxos/random-faults} draws
 * another fault schedule, and the run must violate nothing (linearizability included), commit
 * commands, and end with a leader. {@code -Dfaultline.seeds=N} sets how many seeds (default 64, as
 * for Raft), {@code -Dfaultline.seedBase=B} the first; a failure prints the command that replays
 * it. The 1,000-seed sweep runs from the command line (see the README).
 */
class MultiPaxosSeedSweepTest {
  private static final Scenario SCENARIO =
      new Catalog(Protocols.scenarioLoader()).load("multipaxos/random-faults");

  static LongStream seeds() {
    long count = Long.getLong("faultline.seeds", 64);
    long base = Long.getLong("faultline.seedBase", 1);
    return LongStream.range(base, base + count);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void correctMultiPaxosViolatesNothingUnderRandomFaults(long seed) {
    RunReport report =
        ScenarioRunner.run(SCENARIO, seed, SCENARIO.run().untilNanos(), TraceSink.discard());

    String replay = "replay with " + report.reproduceCommand();
    assertThat(report.outcome().violations()).as(replay).isEmpty();
    assertThat(report.outcome().metrics().get("multipaxos.commits")).as(replay).isPositive();
    assertThat(report.outcome().eventually())
        .extracting(EventuallyResult::property)
        .containsExactly(MultiPaxosProperties.LEADER_EXISTS);
    assertThat(report.outcome().failedEventually()).as(replay).isEmpty();
  }
}
