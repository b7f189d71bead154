package faultline.exercises.grading;

import faultline.exercises.Exercise;
import faultline.scenarios.run.Shell;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The report in the shape DSLabs and 6.5840 students know: one {@code TEST n: name (p pts) ... PASS
 * (1.2s)} line per check, and under a failure the seed, what broke and when, and the commands that
 * reproduce it and open it in the visualizer.
 */
public final class TextReport {
  private final PrintWriter out;

  public TextReport(PrintWriter out) {
    this.out = out;
  }

  public void header(Exercise exercise) {
    out.printf("Exercise %s-%s: %s%n", exercise.id(), exercise.slug(), exercise.title());
    out.printf("Your code: exercises/src/main/java/%s/%n%n", exercise.folder());
    out.flush();
  }

  /** Printed as each check finishes, so a student sees progress. */
  public void result(CheckResult result) {
    out.printf(
        "TEST %d: %s (%d pts) ... %s (%s)%n",
        result.number(),
        result.check().name(),
        result.check().points(),
        result.passed() ? "PASS" : "FAIL",
        String.format(Locale.ROOT, "%.1fs", result.elapsedNanos() / 1e9));
    if (!result.passed()) {
      failure(result.failure());
    }
    out.flush();
  }

  private void failure(Failure failure) {
    String[] lines = failure.summary().split("\n");
    if (failure.seed() != null) {
      out.printf("    seed %d: %s%n", failure.seed(), lines[0]);
    } else {
      out.printf("    %s%n", lines[0]);
    }
    for (int i = 1; i < lines.length; i++) {
      out.printf("    %s%n", lines[i]);
    }
    if (failure.trace() != null) {
      String trace = Shell.quote(failure.trace().toString());
      out.printf("    trace:  %s%n", trace);
      out.printf("    replay: ./faultline replay %s%n", trace);
      out.printf("    view:   ./faultline viz %s%n", trace);
    }
    if (failure.seed() != null && failure.scenarioFile() != null) {
      boolean hung = failure.summary().startsWith("did not finish");
      boolean threw =
          failure.summary().startsWith("threw") || failure.summary().startsWith("overflowed");
      out.printf(
          "    re-run: ./faultline run %s --seed %d%s%n",
          Shell.quote(failure.scenarioFile()),
          failure.seed(),
          hung ? "   (hangs there too: stop it with Ctrl-C)" : threw ? " --verbose" : "");
    }
  }

  public void footer(GradeReport report) {
    out.printf("%nPoints: %d/%d%n", report.points(), report.maxPoints());
    if (!report.allPassed()) {
      out.printf(
          "Stuck? Read %s, then ./faultline grade %s --hint 1%n",
          report.exercise().readmePath(), report.exercise().id());
    }
    out.flush();
  }
}
