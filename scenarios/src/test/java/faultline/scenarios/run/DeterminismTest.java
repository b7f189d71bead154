package faultline.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Determinism is the product. Each bundled scenario runs twice in fresh engines (once writing its
 * trace, once computing only its fingerprint) and once more in a separate JVM process that sees one
 * processor and uses the serial collector; scenarios with continuous latency distributions run a
 * fourth time with the JIT off ({@code -Xint}), where floating-point code takes other paths. All
 * must give the same fingerprint, and the two in-process runs the same trace bytes. Different seeds
 * must give different runs, or the seed would not be doing its job.
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

    RunReport fingerprintOnly =
        ScenarioRunner.run(
            load(name), scenario.seed(), scenario.run().durationNanos(), TraceSink.discard());

    assertThat(second.lines()).isEqualTo(first.lines());
    assertThat(two.outcome().fingerprint()).isEqualTo(one.outcome().fingerprint());
    assertThat(fingerprintOnly.outcome().fingerprint()).isEqualTo(one.outcome().fingerprint());
    assertThat(first.lines()).hasSizeGreaterThan(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void aSeparateJvmGivesTheSameFingerprint(String name) throws Exception {
    Scenario scenario = load(name);
    String here = ScenarioRunner.run(scenario).outcome().fingerprint();

    JsonNode there = runInAnotherJvm(name, "-XX:ActiveProcessorCount=1", "-XX:+UseSerialGC");

    assertThat(there.get("fingerprint").asText()).isEqualTo(here);
    assertThat(there.get("seed").asLong()).isEqualTo(scenario.seed());
    if (usesContinuousDistributions(scenario)) {
      assertThat(runInAnotherJvm(name, "-Xint").get("fingerprint").asText()).isEqualTo(here);
    }
  }

  /** Exponential or normal latencies: drawn with floating-point arithmetic. */
  private static boolean usesContinuousDistributions(Scenario scenario) {
    String source = scenario.source().toString();
    return source.contains("\"exponential\"") || source.contains("\"normal\"");
  }

  @Test
  void differentSeedsGiveDifferentRuns() {
    Scenario scenario = load("clocks/lamport");
    Set<String> hashes = new HashSet<>();
    for (long seed = 1; seed <= 8; seed++) {
      hashes.add(
          ScenarioRunner.run(scenario, seed, scenario.run().durationNanos(), t -> {})
              .outcome()
              .fingerprint());
    }
    assertThat(hashes).hasSize(8);
  }

  private static JsonNode runInAnotherJvm(String name, String... jvmOptions)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "faultline.scenarios.cli.Main",
            "run",
            name,
            "--json"));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isIn(0, 1);
    return JSON.readTree(new String(out, StandardCharsets.UTF_8));
  }

  private static Scenario load(String name) {
    return new Catalog(Protocols.scenarioLoader()).load(name);
  }
}
