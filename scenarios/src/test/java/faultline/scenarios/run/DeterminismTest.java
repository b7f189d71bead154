package faultline.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Determinism is the product. Each bundled scenario runs twice in fresh engines and once more in a
 * separate JVM process; all three must give byte-identical traces. Different seeds must give
 * different runs, or the seed would not be doing its job.
 */
class DeterminismTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> names() {
    return Catalog.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void twoFreshEnginesWriteIdenticalTraces(String name) {
    Scenario scenario = load(name);
    InMemoryTraceSink first = new InMemoryTraceSink();
    InMemoryTraceSink second = new InMemoryTraceSink();
    RunReport one =
        ScenarioRunner.run(scenario, scenario.seed(), scenario.run().durationNanos(), first);
    RunReport two =
        ScenarioRunner.run(load(name), scenario.seed(), scenario.run().durationNanos(), second);

    assertThat(second.lines()).isEqualTo(first.lines());
    assertThat(two.outcome().traceSha256()).isEqualTo(one.outcome().traceSha256());
    assertThat(first.lines()).hasSizeGreaterThan(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void aSeparateJvmWritesTheSameTrace(String name) throws Exception {
    Scenario scenario = load(name);
    String hashHere = ScenarioRunner.run(scenario).outcome().traceSha256();

    JsonNode there = runInAnotherJvm(name);

    assertThat(there.get("traceSha256").asText()).isEqualTo(hashHere);
    assertThat(there.get("seed").asLong()).isEqualTo(scenario.seed());
  }

  @Test
  void differentSeedsGiveDifferentRuns() {
    Scenario scenario = load("clocks/lamport");
    Set<String> hashes = new HashSet<>();
    for (long seed = 1; seed <= 8; seed++) {
      hashes.add(
          ScenarioRunner.run(scenario, seed, scenario.run().durationNanos(), t -> {})
              .outcome()
              .traceSha256());
    }
    assertThat(hashes).hasSize(8);
  }

  private static JsonNode runInAnotherJvm(String name) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "faultline.scenarios.cli.Main",
                "run",
                name,
                "--json")
            .redirectErrorStream(false)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isIn(0, 1);
    return JSON.readTree(new String(out, StandardCharsets.UTF_8));
  }

  private static Scenario load(String name) {
    return new Catalog(new ScenarioLoader(Protocols.invariantsByProtocol())).load(name);
  }
}
