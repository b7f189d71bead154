package faultline.exercises.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * One check's result as course tooling reports it, whether it was graded in this JVM ({@link
 * #of(CheckResult)}), read back from a grading JVM's {@code --format jsonl} line ({@link
 * #fromJson}), or never graded because the submission did not get that far ({@link #notGraded}).
 *
 * @param number the check's number, from 1
 * @param name what it checks, in a few words
 * @param points what it earned
 * @param maxPoints what it is worth
 * @param passed whether it passed
 * @param outputLines what a student reads about it: empty when it passed, else the failure's lines
 *     (the seed and what broke first)
 * @param seed the seed of the failing run, or null (passed, a unit check, or not graded)
 * @param elapsedMillis how long it took, in real time (0 when not graded)
 */
public record CheckOutcome(
    int number,
    String name,
    int points,
    int maxPoints,
    boolean passed,
    List<String> outputLines,
    Long seed,
    long elapsedMillis) {

  public CheckOutcome {
    outputLines = List.copyOf(outputLines);
  }

  /** A check graded here. */
  public static CheckOutcome of(CheckResult result) {
    Failure failure = result.failure();
    return new CheckOutcome(
        result.number(),
        result.check().name(),
        result.pointsEarned(),
        result.check().points(),
        result.passed(),
        failure == null ? List.of() : TextReport.failureLines(failure),
        failure == null ? null : failure.seed(),
        result.elapsedNanos() / 1_000_000);
  }

  /** A check as {@link JsonReport#test} wrote it. */
  public static CheckOutcome fromJson(JsonNode test) {
    JsonNode failure = test.get("failure");
    Failure parsed = failure == null ? null : failure(failure);
    return new CheckOutcome(
        test.path("number").asInt(),
        test.path("name").asText(),
        test.path("points").asInt(),
        test.path("maxPoints").asInt(),
        test.path("passed").asBoolean(),
        parsed == null ? List.of() : TextReport.failureLines(parsed),
        parsed == null ? null : parsed.seed(),
        test.path("elapsedMillis").asLong());
  }

  /** A check that earned nothing because grading never reached it, for {@code reason}. */
  public static CheckOutcome notGraded(int number, GradedCheck check, String reason) {
    return new CheckOutcome(
        number, check.name(), 0, check.points(), false, List.of(reason), null, 0);
  }

  /** The first line a student reads about it, or empty when it passed. */
  public String summary() {
    return outputLines.isEmpty() ? "" : outputLines.getFirst();
  }

  private static Failure failure(JsonNode node) {
    return new Failure(
        node.path("message").asText(),
        node.has("seed") ? node.get("seed").asLong() : null,
        node.has("scenario") ? node.get("scenario").asText() : null,
        node.has("invariant") ? node.get("invariant").asText() : null,
        node.has("seq") ? node.get("seq").asLong() : null,
        node.has("timeNanos") ? node.get("timeNanos").asLong() : null,
        node.has("node") ? node.get("node").asText() : null,
        node.has("trace") ? Path.of(node.get("trace").asText()) : null);
  }
}
