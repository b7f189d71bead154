package faultline.exercises.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.scenarios.run.Shell;

/**
 * The report for course tooling: one JSON object. Everything but {@code elapsedMillis} depends only
 * on the code graded, so two machines give the same object apart from timings.
 */
public final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonReport() {}

  public static String of(GradeReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("exercise", report.exercise().id());
    root.put("slug", report.exercise().slug());
    root.put("title", report.exercise().title());
    root.put("points", report.points());
    root.put("maxPoints", report.maxPoints());
    ArrayNode tests = root.putArray("tests");
    for (CheckResult result : report.results()) {
      tests.add(test(result));
    }
    return root.toString();
  }

  /**
   * One check's object, as in {@code tests}; {@code grade --format jsonl} prints one per line as
   * each check finishes, which is how a batch grader follows a submission graded in another JVM.
   */
  public static ObjectNode test(CheckResult result) {
    ObjectNode test = JSON.createObjectNode();
    test.put("number", result.number());
    test.put("name", result.check().name());
    test.put("points", result.pointsEarned());
    test.put("maxPoints", result.check().points());
    test.put("passed", result.passed());
    test.put("elapsedMillis", result.elapsedNanos() / 1_000_000);
    if (!result.passed()) {
      test.set("failure", failure(result.failure()));
    }
    return test;
  }

  private static ObjectNode failure(Failure failure) {
    ObjectNode node = JSON.createObjectNode();
    node.put("message", failure.summary());
    putIfPresent(node, "seed", failure.seed());
    if (failure.scenarioFile() != null) {
      node.put("scenario", failure.scenarioFile());
    }
    if (failure.invariant() != null) {
      node.put("invariant", failure.invariant());
    }
    putIfPresent(node, "seq", failure.seq());
    putIfPresent(node, "timeNanos", failure.timeNanos());
    if (failure.node() != null) {
      node.put("node", failure.node());
    }
    if (failure.trace() != null) {
      node.put("trace", failure.trace().toString());
      String trace = Shell.quote(failure.trace().toString());
      node.put("replay", "./faultline replay " + trace);
      node.put("view", "./faultline viz " + trace);
    }
    if (failure.seed() != null && failure.scenarioFile() != null) {
      node.put(
          "rerun",
          "./faultline run " + Shell.quote(failure.scenarioFile()) + " --seed " + failure.seed());
    }
    return node;
  }

  private static void putIfPresent(ObjectNode node, String field, Long value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
