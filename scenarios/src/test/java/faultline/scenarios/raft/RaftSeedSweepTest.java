package faultline.scenarios.raft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.check.EventuallyResult;
import faultline.protocols.raft.check.RaftProperties;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The randomized safety sweep: for each seed, a Raft scenario with random options and a random
 * fault schedule ({@link RandomRaftScenario}) must finish with no violated invariant, and with a
 * leader again after everything heals. A failing seed writes its scenario under {@code
 * target/raft-sweep/} and the failure message gives the command that replays it. {@code
 * -Dfaultline.seeds=N} sets how many seeds (default 64), {@code -Dfaultline.seedBase=B} the first.
 */
class RaftSeedSweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FAILURES = Path.of("target/raft-sweep");

  static LongStream seeds() {
    long count = Long.getLong("faultline.seeds", 64);
    long base = Long.getLong("faultline.seedBase", 1);
    return LongStream.range(base, base + count);
  }

  @Test
  void aFailingSeedsFileReplaysTheVeryRun(@TempDir Path temp) throws IOException {
    // A planted bug stands in for a failure: the file the sweep writes must repeat the run.
    ScenarioLoader loader = Protocols.scenarioLoader();
    for (long seed = 1; seed <= 64; seed++) {
      String name = "raft-sweep-" + seed;
      String text =
          JSON.writerWithDefaultPrettyPrinter()
              .writeValueAsString(RandomRaftScenario.draw(seed, List.of("accept_stale_append")));
      RunReport inMemory = ScenarioRunner.run(loader.load(name + ".json", "x", name, text));
      if (!inMemory.outcome().violated()) {
        continue;
      }
      Path file = temp.resolve(name + ".json");
      Files.writeString(file, text);
      RunReport replayed = ScenarioRunner.run(loader.loadFile(file));

      assertThat(replayed.outcome().fingerprint()).isEqualTo(inMemory.outcome().fingerprint());
      assertThat(replayed.outcome().violations()).isEqualTo(inMemory.outcome().violations());
      assertThat(replayed.reproduceCommand())
          .isEqualTo("./faultline run " + file + " --seed " + seed);
      return;
    }
    throw new AssertionError("the planted bug was not caught in seeds 1..64");
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void correctRaftViolatesNothingUnderRandomFaults(long seed) throws IOException {
    ObjectNode source = RandomRaftScenario.draw(seed);
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(source);
    String file = "raft-sweep-" + seed + ".json";
    Scenario scenario = Protocols.scenarioLoader().load(file, file, "raft-sweep-" + seed, text);

    RunReport report = ScenarioRunner.run(scenario);

    // The liveness half, as the protocol's own eventually property judges it at the end.
    List<EventuallyResult> failedEventually = report.outcome().failedEventually();
    if (report.outcome().violated() || !failedEventually.isEmpty()) {
      Files.createDirectories(FAILURES);
      Files.writeString(FAILURES.resolve(file), text);
    }
    String replay =
        "seed "
            + seed
            + ": replay with ./faultline run scenarios/"
            + FAILURES.resolve(file)
            + " --seed "
            + seed;
    assertThat(report.outcome().violations()).as(replay).isEmpty();
    assertThat(report.outcome().eventually())
        .as("raft's eventually properties were judged")
        .extracting(EventuallyResult::property)
        .contains(RaftProperties.LEADER_EXISTS);
    assertThat(failedEventually).as("1.5 s after healing; " + replay).isEmpty();
  }
}
