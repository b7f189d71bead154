package faultline.exercises.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.exercises.Exercise;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code results.json} a Gradescope autograder writes, in the shape of Gradescope's "Autograder
 * Specifications" (Output format): a top-level {@code score}, {@code execution_time} in seconds and
 * {@code output}, and one entry in {@code tests} per check, with {@code name}, {@code number},
 * {@code score}, {@code max_score}, {@code output} (the same lines {@code ./faultline grade} prints
 * under a failure: the seed, what broke, the command that re-runs it) and {@code visibility}.
 */
public final class GradescopeReport {
  /** Gradescope's visibility settings for a test. */
  public enum Visibility {
    VISIBLE("visible"),
    HIDDEN("hidden"),
    AFTER_DUE_DATE("after_due_date"),
    AFTER_PUBLISHED("after_published");

    private final String json;

    Visibility(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TRACE_LINE = Pattern.compile("(trace|replay|view): ");

  private GradescopeReport() {}

  /**
   * The results of {@code exercise}'s checks; {@code note} (may be empty) goes first in the
   * submission's output, for what concerns every check (code that did not compile).
   */
  public static String of(
      Exercise exercise,
      List<CheckOutcome> checks,
      String note,
      long executionMillis,
      Visibility visibility) {
    int points = checks.stream().mapToInt(CheckOutcome::points).sum();
    int maxPoints = checks.stream().mapToInt(CheckOutcome::maxPoints).sum();
    ObjectNode root = JSON.createObjectNode();
    root.put("score", (double) points);
    root.put("execution_time", Math.max(0, Math.round(executionMillis / 1000.0)));
    StringBuilder output = new StringBuilder();
    if (!note.isBlank()) {
      output.append(note.strip()).append("\n\n");
    }
    output.append(
        String.format(
            Locale.ROOT,
            "Exercise %s-%s: %s%nPoints: %d/%d%nThe same code gets the same score on any machine;"
                + " run ./faultline grade %s to see this report where you work.",
            exercise.id(),
            exercise.slug(),
            exercise.title(),
            points,
            maxPoints,
            exercise.id()));
    root.put("output", output.toString());
    ArrayNode tests = root.putArray("tests");
    for (CheckOutcome check : checks) {
      ObjectNode test = tests.addObject();
      test.put("name", "TEST " + check.number() + ": " + check.name());
      test.put("number", Integer.toString(check.number()));
      test.put("score", (double) check.points());
      test.put("max_score", (double) check.maxPoints());
      test.put(
          "output", check.passed() ? "PASS" : "FAIL\n" + String.join("\n", check.outputLines()));
      test.put("visibility", visibility.json());
    }
    return root.toPrettyString();
  }

  /**
   * A failure's lines without those naming trace files: they are on the grading machine, out of a
   * student's reach; the seed and the re-run command reproduce the run where the student works.
   */
  private static List<String> shown(CheckOutcome check) {
    return check.outputLines().stream()
        .filter(line -> !TRACE_LINE.matcher(line).lookingAt())
        .toList();
  }

  /** The results of a grading done in this JVM. */
  public static String of(GradeReport report, long executionMillis, Visibility visibility) {
    return of(
        report.exercise(),
        report.results().stream().map(CheckOutcome::of).toList(),
        "",
        executionMillis,
        visibility);
  }
}
