package faultline.exercises.grading;

/** One check's result: its number (from 1), the check, its failure (null when it passed). */
public record CheckResult(int number, GradedCheck check, Failure failure, long elapsedNanos) {
  public boolean passed() {
    return failure == null;
  }

  public int pointsEarned() {
    return passed() ? check.points() : 0;
  }
}
