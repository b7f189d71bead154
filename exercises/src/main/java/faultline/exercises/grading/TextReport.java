package faultline.exercises.grading;

import faultline.exercises.Exercise;
import faultline.scenarios.run.Shell;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    for (String line : failureLines(failure)) {
      out.printf("    %s%n", line);
    }
  }

  /**
   * What a student reads under a failed check: the seed and what broke, the trace and the commands
   * that replay it, open it and re-run it. The Gradescope report shows the same lines.
   */
  public static List<String> failureLines(Failure failure) {
    List<String> lines = new ArrayList<>();
    String[] summary = failure.summary().split("\n");
    lines.add(failure.seed() != null ? "seed " + failure.seed() + ": " + summary[0] : summary[0]);
    lines.addAll(Arrays.asList(summary).subList(1, summary.length));
    if (failure.trace() != null) {
      String trace = Shell.quote(failure.trace().toString());
      lines.add("trace:  " + trace);
      lines.add("replay: ./faultline replay " + trace);
      lines.add("view:   ./faultline viz " + trace);
    }
    if (failure.seed() != null && failure.scenarioFile() != null) {
      boolean hung = failure.summary().startsWith("did not finish");
      boolean threw =
          failure.summary().startsWith("threw") || failure.summary().startsWith("overflowed");
      lines.add(
          "re-run: ./faultline run "
              + Shell.quote(failure.scenarioFile())
              + " --seed "
              + failure.seed()
              + (hung ? "   (hangs there too: stop it with Ctrl-C)" : threw ? " --verbose" : ""));
    }
    return lines;
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
