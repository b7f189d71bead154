package faultline.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.engine.trace.TraceLines;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden traces: the exact bytes of small bundled runs, kept in src/test/resources/golden, so any
 * change to what a run does, to the trace format or to the random streams shows up as a readable
 * diff. For the larger clock scenarios only the run's fingerprint is kept. After an intended
 * change, refresh them with {@code ./mvnw -pl scenarios -am test -Dtest=TraceGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfaultline.rewrite=true} and review the diff.
 */
class TraceGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean REWRITE = Boolean.getBoolean("faultline.rewrite");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"clocks/lww-skew", "clocks/lww-skew-hlc", "clocks/vector-concurrency"})
  void traceMatchesItsGoldenCopy(String name) throws IOException {
    List<String> lines = trace(name).lines();
    Path golden = GOLDEN.resolve(name + ".trace.jsonl");
    if (REWRITE) {
      Files.createDirectories(golden.getParent());
      Files.write(golden, lines);
    }
    assertThat(golden).as("golden copy; create it with -Dfaultline.rewrite=true").exists();
    assertThat(lines).containsExactlyElementsOf(Files.readAllLines(golden));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"clocks/lamport", "clocks/hlc-skew"})
  void traceHashMatchesItsGoldenHash(String name) throws IOException {
    List<String> lines = trace(name).lines();
    String hash = TraceLines.object(lines.getLast()).get("fingerprint").textValue();
    Path golden = GOLDEN.resolve(name + ".sha256");
    if (REWRITE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, hash + "\n");
    }
    assertThat(golden).as("golden hash; create it with -Dfaultline.rewrite=true").exists();
    assertThat(hash).isEqualTo(Files.readString(golden).strip());
  }

  private static InMemoryTraceSink trace(String name) {
    Scenario scenario = new Catalog(Protocols.scenarioLoader()).load(name);
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, scenario.seed(), scenario.run().durationNanos(), sink);
    return sink;
  }
}
