package faultline.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeds to the first failure, plain against swarm, on the bug zoo under random faults (the
 * scenarios of {@code shrink-zoo/}): from seed 1 on, the first seed whose run violates an
 * invariant, in a plain sweep and in a {@code --swarm} sweep. Both are deterministic, so the build
 * checks the README's figures for a few cheap flags; {@code -Dfaultline.swarmSeeds=N} measures
 * every flag up to N seeds and prints the README's table, one Markdown row per flag.
 */
class SwarmVersusPlainTest {
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();

  /** Flag file to {plain, swarm} first failing seeds, as the README's table gives them. */
  private static final Map<String, long[]> DOCUMENTED =
      Map.of(
          "lock-service-resource_forgets_highest_token.json", new long[] {4, 3},
          "lock-service-tokens_not_durable.json", new long[] {23, 21},
          "paxos-non_intersecting_quorums.json", new long[] {6, 57});

  static Stream<String> files() {
    if (System.getProperty("faultline.swarmSeeds") != null) {
      return Stream.of(read("shrink-zoo/index.txt").split("\n"))
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"));
    }
    return DOCUMENTED.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void firstFailingSeedPlainAndSwarm(String file) {
    Scenario scenario =
        LOADER.load(file, "test:shrink-zoo/" + file, file, read("shrink-zoo/" + file));
    long seedsMax = Long.getLong("faultline.swarmSeeds", 100);
    long plain = firstFailure(scenario, false, seedsMax);
    long swarm = firstFailure(scenario, true, seedsMax);
    System.out.printf(
        Locale.ROOT,
        "| `%s` | %s | %s |%n",
        file.replace(".json", ""),
        text(plain, seedsMax),
        text(swarm, seedsMax));
    long[] documented = DOCUMENTED.get(file);
    if (documented != null) {
      assertThat(new long[] {plain, swarm}).containsExactly(documented);
    }
  }

  /** The first seed from 1 whose run violates an invariant, or 0 when none up to the maximum. */
  static long firstFailure(Scenario scenario, boolean swarm, long seedsMax) {
    for (long seed = 1; seed <= seedsMax; seed++) {
      Scenario run = swarm ? SwarmConfig.draw(scenario, seed).apply(scenario, LOADER) : scenario;
      RunReport report = ScenarioRunner.run(run, seed, run.run().untilNanos(), TraceSink.discard());
      if (!report.outcome().violations().isEmpty()) {
        return seed;
      }
    }
    return 0;
  }

  private static String text(long seed, long seedsMax) {
    return seed == 0 ? "none in " + seedsMax : Long.toString(seed);
  }

  private static String read(String resource) {
    try (InputStream in =
        SwarmVersusPlainTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
