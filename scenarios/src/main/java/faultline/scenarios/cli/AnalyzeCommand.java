package faultline.scenarios.cli;

import faultline.scenarios.analysis.AnalysisRow;
import faultline.scenarios.analysis.SwimAnalysis;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.sweep.SeedList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Reproduce a paper's analysis: run a seed sweep and print each measurement with",
      "its 95% confidence interval beside the formula's prediction, as a Markdown",
      "table (and a CSV with --csv). 'swim' is the one analysis so far: time to first",
      "detection, failed probes under loss, load per member, dissemination time, and",
      "Lifeguard's reduction of false positives around a slow member."
    },
    footer = {
      "",
      "Examples:",
      "  ./faultline analyze swim",
      "  ./faultline analyze swim --seeds 1..1000 --members 10,100 --csv swim.csv"
    })
final class AnalyzeCommand implements Callable<Integer> {
  private static final List<String> ANALYSES = List.of("swim");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<analysis>", description = "Which analysis: swim.")
  String analysis;

  @Option(
      names = "--seeds",
      paramLabel = "LIST",
      description = "Seeds of the sweep (default: ${DEFAULT-VALUE}).")
  String seedsText = "1..200";

  @Option(
      names = "--members",
      paramLabel = "N,N",
      split = ",",
      description = "Group sizes (default: 10,100).")
  List<Integer> members = List.of(10, 100);

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Simulations run at once (default: all cores, here ${DEFAULT-VALUE}).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write the table as CSV here.")
  Path csvPath;

  @Override
  public Integer call() {
    if (!ANALYSES.contains(analysis)) {
      throw new UserError(
          "analyze: no analysis named '" + analysis + "' (there is: " + ANALYSES + ")");
    }
    if (jobs < 1) {
      throw new UserError("--jobs: must be at least 1, not " + jobs);
    }
    for (int n : members) {
      if (n < 3 || n > 1024) {
        throw new UserError("--members: each size must be between 3 and 1024, not " + n);
      }
    }
    long[] seeds = parseSeeds();
    ScenarioLoader loader = ScenarioArgument.loader();
    SwimAnalysis swim = new SwimAnalysis(loader, new Catalog(loader)::load, jobs);
    List<AnalysisRow> rows = swim.analyze(members, seeds);
    PrintWriter out = spec.commandLine().getOut();
    out.println(AnalysisRow.MARKDOWN_HEADER);
    rows.forEach(row -> out.println(row.markdown()));
    for (String note : swim.notes()) {
      out.println();
      out.println("note: " + note);
    }
    if (csvPath != null) {
      writeCsv(rows);
      out.println();
      out.println("csv: " + csvPath);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private long[] parseSeeds() {
    SeedList seeds;
    try {
      seeds = SeedList.parse(seedsText);
    } catch (IllegalArgumentException e) {
      throw new UserError("--seeds: " + e.getMessage());
    }
    if (seeds.size() < 2) {
      throw new UserError("--seeds: a confidence interval needs at least two seeds");
    }
    return seeds.seeds();
  }

  private void writeCsv(List<AnalysisRow> rows) {
    List<String> lines = new ArrayList<>();
    lines.add(AnalysisRow.CSV_HEADER);
    rows.forEach(row -> lines.add(row.csv()));
    try {
      Path parent = csvPath.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(csvPath, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("--csv: cannot write " + csvPath + ": " + e.getMessage());
    }
  }
}
