package faultline.exercises.handout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.exercises.Exercise;
import faultline.exercises.Exercises;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other direction of the proof that no grader is vacuous: writes the student edition of this
 * repository, compiles its exercises from the stubs (as a student's first build would), and grades
 * every exercise with the stubbed classes through {@code ./faultline grade --json}. Every check
 * must fail, and the stubs must compile without a single edit.
 */
class HandoutGradingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @TempDir static Path temp;
  static Path handout;
  static HandoutBuild build;

  @BeforeAll
  static void writeAndCompileTheHandout() throws IOException {
    handout = temp.resolve("handout");
    new HandoutWriter(REPOSITORY, handout).write();
    build = new HandoutBuild(handout, Files.createDirectories(temp.resolve("classes")));
    assertThat(build.compile()).as("javac on the stubs").isEmpty();
  }

  @Test
  void theHandoutHoldsNoSolutionAndNoExerciseTests() throws IOException {
    try (Stream<Path> walk =
        Files.walk(handout.resolve("exercises/src/main/java/faultline/exercises"))) {
      List<Path> javaFiles =
          walk.filter(path -> path.toString().endsWith(".java"))
              .filter(path -> path.getParent().getFileName().toString().matches("e\\d\\d_.+"))
              .toList();
      assertThat(javaFiles).hasSizeGreaterThan(10);
      for (Path file : javaFiles) {
        String text = Files.readString(file);
        assertThat(text).as("%s", file).doesNotContain("BEGIN SOLUTION", "END SOLUTION", "STUB:");
      }
    }
    assertThat(handout.resolve("exercises/src/test")).doesNotExist();
    assertThat(handout.resolve(".git")).doesNotExist();
    assertThat(handout.resolve("README.md")).content().contains("./faultline grade e01");
    assertThat(handout.resolve("FAULTLINE.md")).exists();
    assertThat(handout.resolve("exercises/pom.xml"))
        .content()
        .contains("<spotless.check.skip>true</spotless.check.skip>");
    assertThat(handout.resolve("faultline")).isExecutable();
    assertThat(
            handout.resolve(
                "exercises/src/main/java/faultline/exercises/e01_lamport/LamportNode.java"))
        .content()
        .contains("Your code here");
  }

  static List<String> exercises() {
    return Exercises.all().stream().map(Exercise::id).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void everyCheckFailsOnTheStubs(String id) throws Exception {
    Path traces = temp.resolve("traces-" + id);
    HandoutBuild.Run run = build.faultline("grade", id, "--json", "--traces", traces.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("points").asInt()).isZero();
    assertThat(report.get("maxPoints").asInt())
        .isEqualTo(
            Exercises.named(id).orElseThrow().checks().stream().mapToInt(c -> c.points()).sum());
    for (JsonNode test : report.get("tests")) {
      assertThat(test.get("passed").asBoolean()).as("%s passed on the stubs", test).isFalse();
      assertThat(test.get("failure").get("message").asText()).isNotBlank();
    }
  }

  @Test
  void theSameCodeGetsTheSameReportApartFromTimings() throws Exception {
    String first =
        withoutTimings(
            build
                .faultline("grade", "e03", "--json", "--traces", temp.resolve("d1").toString())
                .out());
    String second =
        withoutTimings(
            build
                .faultline("grade", "e03", "--json", "--traces", temp.resolve("d1").toString())
                .out());
    assertThat(second).isEqualTo(first).contains("\"seed\":1");
  }

  private static String withoutTimings(String json) {
    return json.replaceAll("\"elapsedMillis\":\\d+", "");
  }

  @Test
  void aFailingSimulationCheckNamesTheSeedTheInvariantAndWritesAReplayableTrace() throws Exception {
    Path traces = temp.resolve("traces-e01-text");
    HandoutBuild.Run run = build.faultline("grade", "e01", "--traces", traces.toString());

    assertThat(run.out())
        .contains("TEST 2: clock condition on a steady network, 10 seeds (10 pts) ... FAIL")
        .contains("seed 1: clocks.lamport-clock-condition violated at event #")
        .contains("./faultline replay " + traces.resolve("e01-test2-seed1.jsonl"))
        .contains("./faultline viz " + traces.resolve("e01-test2-seed1.jsonl"))
        .contains("./faultline run exercises/e01-steady --seed 1")
        .contains("Points: 0/45");
    HandoutBuild.Run replay =
        build.faultline("replay", traces.resolve("e01-test2-seed1.jsonl").toString());
    assertThat(replay.out()).as(replay.err()).startsWith("identical:");
    assertThat(replay.exitCode()).isZero();
  }
}
