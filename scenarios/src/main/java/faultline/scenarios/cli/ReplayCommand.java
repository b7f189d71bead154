package faultline.scenarios.cli;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import faultline.scenarios.trace.TraceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-run a trace and check that it repeats byte for byte.",
      "Runs the scenario and seed recorded in the trace's header and compares the new trace"
          + " with it. Exit 0 when identical, 1 when they differ (the first difference is shown)."
    })
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<trace.jsonl>", description = "A trace written by run --trace.")
  Path tracePath;

  @Override
  public Integer call() {
    byte[] bytes = read(tracePath);
    TraceFile recorded = TraceFile.parse(tracePath.toString(), bytes);
    Scenario scenario =
        ScenarioArgument.loader()
            .loadSource(
                tracePath + " (header scenario)", tracePath.toString(), recorded.scenario());
    InMemoryTraceSink replayed = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, recorded.seed(), scenario.run().untilNanos(), replayed);
    PrintWriter out = spec.commandLine().getOut();
    int difference = firstDifference(recorded.lines(), replayed.lines());
    if (difference < 0) {
      out.printf(
          "identical: %s, seed %d, %d lines, sha256 %s%n",
          scenario.name(), recorded.seed(), recorded.lines().size(), recorded.recordedHash());
      out.flush();
      return ExitCodes.OK;
    }
    out.printf("differs at line %d of %s:%n", difference + 1, tracePath);
    out.printf("  recorded: %s%n", lineOrEnd(recorded.lines(), difference));
    out.printf("  replayed: %s%n", lineOrEnd(replayed.lines(), difference));
    out.println("The run is not deterministic, or the trace came from another build of faultline.");
    out.flush();
    return ExitCodes.FAILED_CHECK;
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UserError("cannot read " + path + ": " + e.getMessage());
    }
  }

  private static int firstDifference(List<String> a, List<String> b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      if (!a.get(i).equals(b.get(i))) {
        return i;
      }
    }
    return a.size() == b.size() ? -1 : common;
  }

  private static String lineOrEnd(List<String> lines, int index) {
    if (index >= lines.size()) {
      return "(no line: the trace ended)";
    }
    String line = lines.get(index);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
