package faultline.exercises.grading;

import faultline.exercises.Exercise;
import java.util.List;

/** Every check of one exercise, graded. */
public record GradeReport(Exercise exercise, List<CheckResult> results) {
  public int points() {
    return results.stream().mapToInt(CheckResult::pointsEarned).sum();
  }

  public int maxPoints() {
    return results.stream().mapToInt(result -> result.check().points()).sum();
  }

  public boolean allPassed() {
    return results.stream().allMatch(CheckResult::passed);
  }
}
