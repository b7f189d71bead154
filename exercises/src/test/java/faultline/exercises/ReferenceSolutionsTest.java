package faultline.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.exercises.grading.CheckResult;
import faultline.exercises.grading.GradeReport;
import faultline.exercises.grading.Grader;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One direction of the proof that no grader is vacuous: the reference solutions in this repository
 * get full marks. {@link faultline.exercises.handout.HandoutGradingTest} proves the other: the
 * student edition built from the same sources fails every check.
 */
class ReferenceSolutionsTest {
  static java.util.List<String> exercises() {
    return Exercises.all().stream().map(Exercise::id).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void theReferenceSolutionGetsFullMarks(String id, @TempDir Path traces) {
    GradeReport report = new Grader(traces).grade(Exercises.named(id).orElseThrow());

    assertThat(report.results())
        .allSatisfy(
            result ->
                assertThat(result.passed())
                    .as("TEST %d %s: %s", result.number(), result.check().name(), why(result))
                    .isTrue());
    assertThat(report.points()).isEqualTo(report.maxPoints()).isPositive();
  }

  private static String why(CheckResult result) {
    return result.passed() ? "" : result.failure().toString();
  }
}
