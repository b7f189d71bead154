package faultline.scenarios.cli;

import faultline.engine.RunMonitor;
import faultline.engine.RunOutcome;
import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceFormat;
import faultline.engine.trace.TraceHeader;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import faultline.scenarios.trace.TraceComparison;
import faultline.scenarios.trace.TraceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-run a trace and check that the run repeats.",
      "Runs the scenario and seed recorded in the trace's header and compares the run's"
          + " fingerprint with the trace's (format version 2, or 1, whose fingerprint is computed"
          + " from its events). Exit 0 when identical, 1 when they differ (the first differing"
          + " event line is shown). A trace cut short by Ctrl-C or --wall-limit replays to the"
          + " same point."
    })
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<trace.jsonl>", description = "A trace written by run --trace.")
  Path tracePath;

  // Where the command is, for the progress line and an interrupt's message (read by another
  // thread).
  private volatile long linesRead;
  private volatile long eventsRun;

  @Override
  public Integer call() {
    long lines;
    String recordedFingerprint;
    TraceHeader header;
    CutShort cutShort = null;
    Activity.set(
        () -> "checking " + tracePath + ": line " + String.format(Locale.ROOT, "%,d", linesRead));
    try (TraceFile recorded = TraceFile.open(tracePath)) {
      header = recorded.header();
      for (TraceEvent event = recorded.next(); event != null; event = recorded.next()) {
        // Checks every line and the end line before anything runs.
        linesRead = recorded.lineNumber();
        if (event instanceof TraceEvent.Halt halt) {
          cutShort = CutShort.of(halt.reason(), recorded.lineNumber() - 1);
        }
      }
      lines = recorded.lineNumber();
      recordedFingerprint = recorded.fingerprint();
    }
    Scenario scenario =
        ScenarioArgument.loader()
            .loadSource(tracePath + " (header scenario)", tracePath.toString(), header.scenario());
    RunReport replay;
    TraceComparison comparison;
    try (TraceComparison sink = new TraceComparison(tracePath)) {
      comparison = sink;
      RunMonitor stopWhereTheRecordingStopped =
          cutShort == null ? RunMonitor.NONE : cutShort.monitor(sink);
      long linesTotal = lines;
      Activity.set(
          () ->
              String.format(
                  Locale.ROOT,
                  "replaying %s: %,d of %,d events re-run",
                  tracePath,
                  eventsRun,
                  linesTotal - 2));
      replay =
          ScenarioRunner.run(
              scenario,
              header.seed(),
              scenario.run().untilNanos(),
              sink,
              (events, nowNanos) -> {
                eventsRun = events;
                return stopWhereTheRecordingStopped.check(events, nowNanos);
              });
    }
    Activity.clear();
    ProgressLine.clearNow();
    PrintWriter out = spec.commandLine().getOut();
    if (comparison.difference() < 0 && replay.outcome().fingerprint().equals(recordedFingerprint)) {
      out.printf(
          "identical: %s, seed %d, %d lines, fingerprint %s%s%n",
          scenario.name(),
          header.seed(),
          lines,
          recordedFingerprint,
          header.version() < TraceFormat.VERSION ? " (a format version 1 trace)" : "");
      out.flush();
      return ExitCodes.OK;
    }
    out.printf(
        "differs: fingerprint %s, the trace's is %s%n",
        replay.outcome().fingerprint(), recordedFingerprint);
    out.printf("first difference at line %d of %s:%n", comparison.difference(), tracePath);
    out.printf("  recorded: %s%n", shown(comparison.recordedLine()));
    out.printf("  replayed: %s%n", shown(comparison.replayedLine()));
    out.println("The run is not deterministic, or the trace came from another build of faultline.");
    out.flush();
    return ExitCodes.FAILED_CHECK;
  }

  /**
   * A recording stopped from outside the run (Ctrl-C, a wall-clock budget): the replay stops at the
   * same point. Such a stop happens only when the engine asks its monitor, between events, so the
   * replay's monitor stops the run the first time it is asked with as many lines written as the
   * recording had before its halt line.
   */
  private record CutShort(RunOutcome.StopReason reason, long linesBeforeHalt) {
    static CutShort of(String haltReason, long linesBeforeHalt) {
      for (RunOutcome.StopReason reason :
          List.of(RunOutcome.StopReason.INTERRUPTED, RunOutcome.StopReason.WALL_CLOCK_LIMIT)) {
        if (reason.label().equals(haltReason)) {
          return new CutShort(reason, linesBeforeHalt);
        }
      }
      return null;
    }

    RunMonitor monitor(TraceComparison replayed) {
      return (events, nowNanos) -> replayed.linesCompared() >= linesBeforeHalt ? reason : null;
    }
  }

  private static String shown(String line) {
    if (line == null) {
      return "(no line: the trace ended)";
    }
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
