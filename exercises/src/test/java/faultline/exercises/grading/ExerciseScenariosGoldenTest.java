package faultline.exercises.grading;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every exercise scenario's events with the reference solutions, at its own seed, pinned by the
 * SHA-256 of its event lines (header and end line left out, as in the scenarios module's {@code
 * EveryScenarioGoldenTest}). After an intended change, refresh with {@code -Dtest=
 * ExerciseScenariosGoldenTest -Dfaultline.rewrite=true} and say in the commit why runs moved.
 */
class ExerciseScenariosGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/exercise-scenarios.sha256");

  @Test
  void everyExerciseScenarioWritesItsGoldenEvents() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("scenarios"))) {
      files = list.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    }
    List<String> actual = new ArrayList<>();
    for (Path file : files) {
      Scenario scenario = ExerciseScenarios.load(file.getFileName().toString());
      InMemoryTraceSink sink = new InMemoryTraceSink();
      ScenarioRunner.run(scenario, scenario.seed(), scenario.run().durationNanos(), sink);
      List<String> lines = sink.lines();
      actual.add(scenario.name() + " " + sha256(lines.subList(1, lines.size() - 1)));
    }
    if (Boolean.getBoolean("faultline.rewrite")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.write(GOLDEN, actual);
    }
    assertThat(GOLDEN).as("golden hashes; create them with -Dfaultline.rewrite=true").exists();
    assertThat(actual).containsExactlyElementsOf(Files.readAllLines(GOLDEN));
  }

  private static String sha256(List<String> lines) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
