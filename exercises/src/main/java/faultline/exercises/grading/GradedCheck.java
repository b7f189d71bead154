package faultline.exercises.grading;

import java.util.List;

/**
 * One graded check, as students see it: {@code TEST 3: <name> (15 pts)}.
 *
 * @param name what it checks, in a few words
 * @param points what passing it is worth
 * @param timeoutMillis the CPU time it may take before it counts as hanging (a handler that never
 *     returns); CPU time, not real time, so that a loaded machine does not change the score
 * @param body the check itself
 * @param uses the student's code it runs, for the reference guard: student classes ({@code
 *     FollowerAppend}) or methods ({@code SuspicionRules.merge}); empty for all of it, as a
 *     simulation runs it. A check is given zero, without running, when student code it uses reaches
 *     the simulator's own answer; the others are graded.
 */
public record GradedCheck(
    String name, int points, long timeoutMillis, CheckBody body, List<String> uses) {
  public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

  public GradedCheck {
    uses = List.copyOf(uses);
  }

  public GradedCheck(String name, int points, long timeoutMillis, CheckBody body) {
    this(name, points, timeoutMillis, body, List.of());
  }

  public GradedCheck(String name, int points, CheckBody body) {
    this(name, points, DEFAULT_TIMEOUT_MILLIS, body);
  }

  /** The same check, running only {@code uses} of the student's code (a unit check's method). */
  public GradedCheck using(String... uses) {
    return new GradedCheck(name, points, timeoutMillis, body, List.of(uses));
  }
}
