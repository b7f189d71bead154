package faultline.exercises.grading;

/**
 * One graded check, as students see it: {@code TEST 3: <name> (15 pts)}.
 *
 * @param name what it checks, in a few words
 * @param points what passing it is worth
 * @param timeoutMillis the CPU time it may take before it counts as hanging (a handler that never
 *     returns); CPU time, not real time, so that a loaded machine does not change the score
 * @param body the check itself
 */
public record GradedCheck(String name, int points, long timeoutMillis, CheckBody body) {
  public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

  public GradedCheck(String name, int points, CheckBody body) {
    this(name, points, DEFAULT_TIMEOUT_MILLIS, body);
  }
}
