package faultline.exercises.grading;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.exercises.Exercise;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student's code that throws, never returns, or exhausts memory fails its own check, with the
 * seed it was on, and the grader goes on to the next check.
 */
class GraderGuardTest {
  @TempDir Path traces;

  private static Exercise exercise(List<GradedCheck> checks) {
    return new Exercise() {
      @Override
      public String id() {
        return "e99";
      }

      @Override
      public String slug() {
        return "guard";
      }

      @Override
      public String title() {
        return "guards";
      }

      @Override
      public List<GradedCheck> checks() {
        return checks;
      }
    };
  }

  private static final CheckBody PASSES = progress -> Optional.empty();

  // Lets the abandoned "endless" check end once the test is over, so it burns no CPU afterwards.
  private static volatile boolean released;

  @org.junit.jupiter.api.AfterAll
  static void releaseTheHungCheck() {
    released = true;
  }

  @Test
  void throwingHangingAndExhaustedChecksFailAndGradingGoesOn() {
    CheckBody throwing =
        progress -> {
          progress.running("exercises/scenarios/x.json", 7);
          throw new IllegalStateException("boom");
        };
    CheckBody hanging =
        progress -> {
          progress.running("exercises/scenarios/x.json", 8);
          while (!released) {
            Thread.onSpinWait(); // A handler that never returns, and ignores interrupts.
          }
          return Optional.empty();
        };
    CheckBody exhausting =
        progress -> {
          progress.running("exercises/scenarios/x.json", 9);
          long[] huge = new long[Integer.MAX_VALUE - 2]; // More than any heap: a real OOM error.
          return Optional.of(Failure.of("unreachable " + huge.length));
        };
    CheckBody overflowing = progress -> Optional.of(Failure.of("" + recurse(0)));
    GradeReport report =
        new Grader(traces)
            .grade(
                exercise(
                    List.of(
                        new GradedCheck("throws", 1, throwing),
                        new GradedCheck("hangs", 1, 300, hanging),
                        new GradedCheck("exhausts memory", 1, exhausting),
                        new GradedCheck("overflows the stack", 1, overflowing),
                        new GradedCheck("passes", 1, PASSES))));

    List<CheckResult> results = report.results();
    assertThat(results).hasSize(5);
    assertThat(results.get(0).failure().summary())
        .startsWith("threw IllegalStateException: boom, at ")
        .contains("GraderGuardTest.java:");
    assertThat(results.get(0).failure().seed()).isEqualTo(7);
    assertThat(results.get(0).failure().scenarioFile()).isEqualTo("exercises/scenarios/x.json");
    assertThat(results.get(1).failure().summary())
        .contains("did not finish within 0.3 s of CPU time");
    assertThat(results.get(1).failure().seed()).isEqualTo(8);
    assertThat(results.get(2).failure().summary()).startsWith("ran out of memory");
    assertThat(results.get(2).failure().seed()).isEqualTo(9);
    assertThat(results.get(3).failure().summary()).startsWith("overflowed the stack");
    assertThat(results.get(4).passed()).isTrue();
    assertThat(report.points()).isEqualTo(1);
    assertThat(report.maxPoints()).isEqualTo(5);
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }
}
