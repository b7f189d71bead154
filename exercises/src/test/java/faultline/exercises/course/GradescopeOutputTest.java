package faultline.exercises.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import faultline.exercises.Exercises;
import faultline.exercises.grading.CheckOutcome;
import faultline.exercises.grading.GradescopeReport;
import faultline.scenarios.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade --format gradescope} writes what Gradescope documents: every report validates
 * against the schema of its "Autograder Specifications" output format (a real JSON Schema
 * validator, on a schema that is itself checked against the draft 2020-12 meta-schema), and the
 * schema is strict enough to refuse a wrong one.
 */
class GradescopeOutputTest {
  record Result(int exitCode, String out, String err) {}

  static Result faultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void theSchemaIsAValidDraft202012Schema() {
    JsonSchema meta =
        GradescopeSchema.FACTORY.getSchema(
            SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(GradescopeSchema.NODE)).isEmpty();
  }

  @Test
  void theReferenceSolutionGetsFullMarksInAValidResultsFile(@TempDir Path temp) throws IOException {
    Path results = temp.resolve("results/results.json");
    Result run =
        faultline(
            "grade",
            "e07",
            "--format",
            "gradescope",
            "--out",
            results.toString(),
            "--traces",
            temp.resolve("t").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = GradescopeSchema.JSON.readTree(Files.readString(results));
    assertThat(GradescopeSchema.validate(json)).isEmpty();
    assertThat(json.get("score").asDouble()).isEqualTo(30.0);
    assertThat(json.get("tests")).hasSize(3);
    JsonNode first = json.get("tests").get(0);
    assertThat(first.get("name").asText()).isEqualTo("TEST 1: the token rule on chosen values");
    assertThat(first.get("max_score").asDouble()).isEqualTo(5.0);
    assertThat(first.get("visibility").asText()).isEqualTo("visible");
    assertThat(json.get("output").asText()).contains("Points: 30/30");
  }

  @Test
  void aFailedCheckShowsItsSeedAndTheCommandThatReRunsIt() {
    CheckOutcome failed =
        new CheckOutcome(
            3,
            "three clients, two long pauses, a slow network, 10 seeds",
            0,
            15,
            false,
            List.of(
                "seed 4: locks.no-expired-write violated at event #812",
                "re-run: ./faultline run exercises/e07-many-pauses --seed 4"),
            4L,
            1200);
    CheckOutcome passed = new CheckOutcome(1, "the token rule", 5, 5, true, List.of(), null, 3);
    String text =
        GradescopeReport.of(
            Exercises.named("e07").orElseThrow(),
            List.of(passed, failed),
            "",
            1234,
            GradescopeReport.Visibility.AFTER_DUE_DATE);

    JsonNode json = readTree(text);
    assertThat(GradescopeSchema.validate(json)).isEmpty();
    assertThat(json.get("score").asDouble()).isEqualTo(5.0);
    assertThat(json.get("execution_time").asLong()).isEqualTo(1);
    JsonNode test = json.get("tests").get(1);
    assertThat(test.get("number").asText()).isEqualTo("3");
    assertThat(test.get("score").asDouble()).isZero();
    assertThat(test.get("visibility").asText()).isEqualTo("after_due_date");
    assertThat(test.get("output").asText())
        .startsWith("FAIL\nseed 4: locks.no-expired-write violated")
        .contains("./faultline run exercises/e07-many-pauses --seed 4");
  }

  @Test
  void theSchemaRefusesWhatGradescopeWouldNotRead() {
    assertThat(GradescopeSchema.validate(readTree("{\"score\": \"30\"}"))).isNotEmpty();
    assertThat(GradescopeSchema.validate(readTree("{\"tests\": [{\"name\": \"no score\"}]}")))
        .isNotEmpty();
    assertThat(
            GradescopeSchema.validate(
                readTree("{\"score\": 1, \"tests\": [{\"score\": 1, \"maxScore\": 1}]}")))
        .isNotEmpty();
    assertThat(GradescopeSchema.validate(readTree("{\"score\": 1, \"visibility\": \"later\"}")))
        .isNotEmpty();
    assertThat(GradescopeSchema.validate(readTree("{\"tests\": [{\"score\": 2.0}]}"))).isEmpty();
  }

  @Test
  void aSubmissionThatDoesNotCompileGetsAValidZeroSayingWhy(@TempDir Path temp) throws IOException {
    Path submission = Files.createDirectories(temp.resolve("submission"));
    Files.writeString(
        submission.resolve("FencingCheck.java"),
        SubmissionsBatchTest.referenceSource().replace("return token < highestToken;", "return"));
    Result run =
        faultline(
            "grade",
            "e07",
            "--submission",
            submission.toString(),
            "--format",
            "gradescope",
            "--traces",
            temp.resolve("work").toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode json = readTree(run.out());
    assertThat(GradescopeSchema.validate(json)).isEmpty();
    assertThat(json.get("score").asDouble()).isZero();
    assertThat(json.get("output").asText()).startsWith("does not compile: FencingCheck.java:");
    for (JsonNode test : json.get("tests")) {
      assertThat(test.get("output").asText()).contains("not graded: does not compile");
    }
  }

  @Test
  void badOptionsAreUsageErrors(@TempDir Path temp) {
    Result both = faultline("grade", "e07", "--json", "--format", "gradescope");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--json and --format gradescope disagree");

    Result visibility = faultline("grade", "e07", "--format", "gradescope", "--visibility", "soon");
    assertThat(visibility.exitCode()).isEqualTo(2);
    assertThat(visibility.err()).contains("--visibility: 'soon' is not one of");

    Result missing = faultline("grade", "e07", "--submissions", temp.resolve("none").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--submissions: ").contains("does not exist");
  }

  private static JsonNode readTree(String text) {
    try {
      return GradescopeSchema.JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(text, e);
    }
  }
}
