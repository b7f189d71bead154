package faultline.scenarios.cli;

import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import faultline.scenarios.model.Expectation;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.Shell;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human summary of a run: what happened, what broke, and how to see it again. */
final class RunSummary {
  private static final int VIOLATIONS_SHOWN = 10;

  private final PrintWriter out;

  RunSummary(PrintWriter out) {
    this.out = out;
  }

  void print(RunReport report, long elapsedNanos, Path tracePath) {
    RunOutcome outcome = report.outcome();
    out.printf(
        "%s  seed %d  (%s, %d nodes)%n",
        report.scenario().name(),
        report.seed(),
        report.scenario().protocol(),
        report.scenario().nodes().size());
    out.printf(
        Locale.ROOT,
        "ran %s of virtual time in %.2f s: %d events; %s%n",
        Text.duration(outcome.endNanos()),
        elapsedNanos / 1e9,
        outcome.events(),
        outcome.stopReason().explanation());
    out.printf(
        "fingerprint %s%s%n",
        outcome.fingerprint(),
        tracePath == null ? "" : "  (trace written to " + Shell.quote(tracePath.toString()) + ")");
    printViolations(outcome);
    printInconclusive(report);
    PropertiesSummary.print(out, outcome);
    printMetrics(outcome);
    printExpectations(report);
    String reproduce = report.reproduceCommand();
    out.printf(
        "reproduce: %s%s%n",
        reproduce,
        " --trace " + (tracePath == null ? "run.jsonl" : Shell.quote(tracePath.toString())));
  }

  private void printViolations(RunOutcome outcome) {
    out.println();
    if (outcome.violations().isEmpty()) {
      out.println(
          outcome.verdict() == RunOutcome.Verdict.INCONCLUSIVE
              ? "invariants: none violated, but the run is INCONCLUSIVE"
              : "invariants: all held");
      return;
    }
    out.printf("violations (%d):%n", outcome.violations().size());
    int shown = 0;
    for (Violation violation : outcome.violations()) {
      if (shown++ == VIOLATIONS_SHOWN) {
        out.printf(
            "  ... and %d more (see the trace)%n", outcome.violations().size() - VIOLATIONS_SHOWN);
        break;
      }
      out.printf(
          "  %s at %s%s (seq %d)%n    %s%n",
          violation.invariant(),
          Text.duration(violation.timeNanos()),
          violation.node() == null ? "" : " on " + violation.node(),
          violation.seq(),
          violation.message());
    }
  }

  private void printInconclusive(RunReport report) {
    List<String> reasons = report.inconclusiveReasons();
    if (reasons.isEmpty()) {
      return;
    }
    out.println("inconclusive:");
    reasons.forEach(reason -> out.println("  " + reason));
  }

  private void printMetrics(RunOutcome outcome) {
    out.println("metrics:");
    int width = outcome.metrics().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, Long> metric : outcome.metrics().entrySet()) {
      String readable =
          metric.getKey().endsWith("Nanos") ? "  (" + Text.duration(metric.getValue()) + ")" : "";
      out.printf("  %-" + width + "s  %d%s%n", metric.getKey(), metric.getValue(), readable);
    }
  }

  private void printExpectations(RunReport report) {
    if (!report.expectationsJudged()) {
      out.printf(
          "expectations: not judged (they are judged at the scenario's own seed, %d, and"
              + " duration)%n",
          report.scenario().seed());
      Expectation.SeedRate rate = report.scenario().expect().rate();
      if (rate != null) {
        out.printf(
            "  the scenario shows %s on %s of seeds %s: ./faultline sweep %s --seeds %s judges"
                + " that%n",
            String.join(", ", report.scenario().expect().violations()),
            rate.violated(),
            rate.seeds(),
            report.scenario().name(),
            rate.seeds());
      }
    } else if (report.expectationsMet()) {
      boolean demonstrates = !report.scenario().expect().violations().isEmpty();
      out.println(
          demonstrates
              ? "expectations: met (this scenario demonstrates the violation on purpose)"
              : "expectations: met");
    } else {
      out.println("expectations: NOT met");
      report.unmetExpectations().forEach(line -> out.println("  " + line));
    }
  }
}
