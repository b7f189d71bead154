package faultline.exercises.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.exercises.Exercise;
import faultline.exercises.Exercises;
import faultline.scenarios.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade} and {@code handout} as a user meets them: exit codes, listings, hints, JSON. */
class GradeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int exitCode, String out, String err) {}

  static Result faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void anUnknownExerciseListsTheKnownOnesAndExitsTwo() {
    Result result = faultline("grade", "e42");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("no exercise named 'e42'")
        .contains("e01  lamport", "e02  vector", "e03  hlc", "e04  lww", "e07  fencing");
  }

  @Test
  void gradeAloneListsTheExercisesAndSucceeds() {
    Result result = faultline("grade");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("e01  lamport").contains("./faultline grade e01");
  }

  @Test
  void theHelpNamesEveryExercise() {
    String help = faultline("grade", "--help").out().replaceAll("\\s+", " ");
    for (Exercise exercise : Exercises.all()) {
      assertThat(help).contains(exercise.id() + " " + exercise.slug());
    }
  }

  @Test
  void hintsUnlockInOrder() {
    Result first = faultline("grade", "lamport", "--hint", "1");
    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("Hint 1:").doesNotContain("Hint 2:").contains("--hint 2");

    Result two = faultline("grade", "e01", "--hint", "2");
    assertThat(two.out()).contains("Hint 1:", "Hint 2:").contains("Math.max");

    Result tooFar = faultline("grade", "e01", "--hint", "9");
    assertThat(tooFar.exitCode()).isEqualTo(2);
    assertThat(tooFar.err()).contains("e01 has hints 1 to 3, not 9");
  }

  @Test
  void jsonGradesTheReferenceSolutionWithFullMarks(@TempDir Path traces) throws IOException {
    Result result = faultline("grade", "e03-hlc", "--json", "--traces", traces.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("exercise").asText()).isEqualTo("e03");
    assertThat(report.get("points").asInt())
        .isEqualTo(report.get("maxPoints").asInt())
        .isEqualTo(40);
    assertThat(report.get("tests")).hasSize(4);
  }

  @Test
  void theStudentsScenarioFilesRunWithTheirNodes() {
    Result result = faultline("run", "../exercises/scenarios/e04-wall-clock.json", "--seed", "7");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.out()).contains("exercise.lww-keeps-causal-successor");

    Result fixed = faultline("run", "../exercises/scenarios/e04-lww-skew.json", "--seed", "7");
    assertThat(fixed.exitCode()).as(fixed.out()).isZero();
  }

  @Test
  void handoutRefusesAFolderThatIsNotEmpty(@TempDir Path out) throws IOException {
    Files.writeString(out.resolve("mine.txt"), "keep me");
    Result result = faultline("handout", "--out", out.toString(), "--source", "..");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("is not empty");
    assertThat(out.resolve("mine.txt")).hasContent("keep me");
  }
}
