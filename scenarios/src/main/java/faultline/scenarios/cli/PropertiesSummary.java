package faultline.scenarios.cli;

import faultline.engine.RunOutcome;
import faultline.engine.check.EventuallyResult;
import faultline.engine.check.SometimesResult;
import java.io.PrintWriter;

/**
 * The part of {@code run}'s summary about the protocol's sometimes properties (which the run
 * reached, first when) and eventually properties (held, failed or not judged, and when).
 */
final class PropertiesSummary {
  private PropertiesSummary() {}

  static void print(PrintWriter out, RunOutcome outcome) {
    printEventually(out, outcome);
    printSometimes(out, outcome);
  }

  private static void printEventually(PrintWriter out, RunOutcome outcome) {
    if (outcome.eventually().isEmpty()) {
      return;
    }
    out.println("eventually:");
    for (EventuallyResult result : outcome.eventually()) {
      String when =
          result.status() == EventuallyResult.Status.NOT_JUDGED
              ? ""
              : " at " + Text.duration(result.timeNanos()) + " (after seq " + result.seq() + ")";
      out.printf(
          "  %-11s %s%s%n",
          result.failed() ? "FAILED" : result.status().label(), result.property(), when);
      out.printf("              %s%n", result.description());
      if (!result.message().isEmpty()) {
        out.printf("              %s%n", result.message());
      }
    }
  }

  private static void printSometimes(PrintWriter out, RunOutcome outcome) {
    if (outcome.sometimes().isEmpty()) {
      return;
    }
    long reached = outcome.sometimes().stream().filter(SometimesResult::reached).count();
    out.printf("sometimes: %d of %d reached%n", reached, outcome.sometimes().size());
    for (SometimesResult result : outcome.sometimes()) {
      String when =
          result.reached()
              ? " at " + Text.duration(result.timeNanos()) + " (seq " + result.seq() + ")"
              : "";
      out.printf(
          "  %-11s %s%s%n", result.reached() ? "reached" : "not reached", result.property(), when);
      out.printf("              %s%n", result.description());
    }
  }
}
