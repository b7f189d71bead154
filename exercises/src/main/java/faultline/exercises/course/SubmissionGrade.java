package faultline.exercises.course;

import faultline.exercises.grading.CheckOutcome;
import java.util.List;

/**
 * One student's grade: every check of the exercise in order, and, when the submission could not be
 * graded as a whole (it does not compile, a file is missing), why.
 *
 * @param student the submission folder's name
 * @param checks one per check of the exercise, in order
 * @param problem why nothing was graded, or empty
 * @param durationMillis how long compiling and grading took, in real time
 */
public record SubmissionGrade(
    String student, List<CheckOutcome> checks, String problem, long durationMillis) {
  public SubmissionGrade {
    checks = List.copyOf(checks);
  }

  public int points() {
    return checks.stream().mapToInt(CheckOutcome::points).sum();
  }

  public int maxPoints() {
    return checks.stream().mapToInt(CheckOutcome::maxPoints).sum();
  }

  /** The seed of the first failing check that ran on a seed, or null. */
  public Long firstFailureSeed() {
    return checks.stream()
        .filter(check -> !check.passed() && check.seed() != null)
        .map(CheckOutcome::seed)
        .findFirst()
        .orElse(null);
  }

  /** Why points were lost, in one line: the problem, or the first failing check's first line. */
  public String reason() {
    if (!problem.isEmpty()) {
      return problem;
    }
    return checks.stream()
        .filter(check -> !check.passed())
        .findFirst()
        .map(check -> "TEST " + check.number() + ": " + check.summary())
        .orElse("");
  }
}
