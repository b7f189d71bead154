package faultline.scenarios.cli;

import faultline.scenarios.sweep.SweepMerger;
import faultline.scenarios.sweep.SweepResult;
import faultline.scenarios.sweep.SweepSummary;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Join the outputs of a sweep's shards into the whole sweep's output.",
      "Exits 2, naming file and line, when a line is not a result, when files come from"
          + " different sweeps, when a seed appears twice, or when seeds are missing; exits 1"
          + " when a seed violated an invariant the scenario does not expect."
    })
final class SweepMergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The shards' JSON Lines outputs.")
  List<Path> files;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the joined lines here (default: standard output, summary to stderr).")
  Path outPath;

  @Override
  public Integer call() throws Exception {
    SweepMerger merger = new SweepMerger();
    List<SweepResult> results;
    try {
      files.forEach(merger::add);
      results = merger.results();
    } catch (SweepMerger.MergeException e) {
      throw new UserError("sweep merge: " + e.getMessage());
    }
    SweepSummary summary = new SweepSummary();
    try (Writer out =
        ResultsOutput.open(outPath, spec.commandLine().getOut(), spec.commandLine().getErr())) {
      for (SweepResult result : results) {
        summary.add(result);
        ResultsOutput.writeLine(out, result.toJsonLine(), outPath);
      }
    }
    PrintWriter summaryOut =
        outPath == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
    summaryOut.printf(
        "sweep merge: %d seeds of %s from %d file%s%n",
        results.size(),
        results.getFirst().sweep().scenario(),
        files.size(),
        files.size() == 1 ? "" : "s");
    summary.print(summaryOut, -1, 0);
    if (outPath != null) {
      summaryOut.println("  results: " + outPath);
    }
    summaryOut.flush();
    if (summary.anyFailed()) {
      return ExitCodes.FAILED_CHECK;
    }
    return summary.anyInconclusive() ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
  }
}
