package faultline.scenarios.cli;

import faultline.scenarios.analysis.AnalysisRow;
import faultline.scenarios.analysis.DetectorComparison;
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
      "Reproduce a paper's analysis by a seed sweep.",
      "Each measurement is printed with its 95% confidence interval beside the formula's"
          + " prediction, as a Markdown table (and a CSV with --csv).",
      "'swim': time to first detection, failed probes under loss, load per member,"
          + " dissemination time, and Lifeguard's reduction of false positives around a slow"
          + " member.",
      "'detectors': SWIM, all-to-all heartbeats with a fixed timeout and with phi accrual on"
          + " the same faults and seeds: detection times, false positives and message cost as"
          + " the group grows."
    },
    footer = {
      "",
      "Examples:",
      "  ./faultline analyze swim",
      "  ./faultline analyze swim --seeds 1..1000 --members 10,100 --csv swim.csv",
      "  ./faultline analyze swim --plot swim.png",
      "  ./faultline analyze detectors --seeds 1..10 --members 10,100,1000"
    })
final class AnalyzeCommand implements Callable<Integer> {
  private static final List<String> ANALYSES = List.of("swim", "detectors");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<analysis>", description = "Which analysis: swim or detectors.")
  String analysis;

  @Option(
      names = "--seeds",
      paramLabel = "LIST",
      description = "Seeds of the sweep (default: 1..200 for swim, 1..20 for detectors).")
  String seedsText;

  @Option(
      names = "--members",
      paramLabel = "N,N",
      split = ",",
      description =
          "Group sizes (default: 10,100; all-to-all heartbeats at 1000 send 10^6"
              + " messages per simulated second).")
  List<Integer> members;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Simulations run at once (default: all cores, here ${DEFAULT-VALUE}).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write the table as CSV here.")
  Path csvPath;

  @Option(
      names = "--plot",
      paramLabel = "FILE",
      description =
          "swim only: also draw each quantity, measured with its interval beside the"
              + " prediction, as PNG or SVG (by the extension; no display needed).")
  Path plotPath;

  @Override
  public Integer call() {
    if (!ANALYSES.contains(analysis)) {
      throw new UserError(
          "analyze: no analysis named '" + analysis + "' (there is: " + ANALYSES + ")");
    }
    if (jobs < 1) {
      throw new UserError("--jobs: must be at least 1, not " + jobs);
    }
    for (int n : members == null ? List.<Integer>of() : members) {
      if (n < 3 || n > 1024) {
        throw new UserError("--members: each size must be between 3 and 1024, not " + n);
      }
    }
    boolean swim = analysis.equals("swim");
    if (plotPath != null && !swim) {
      throw new UserError("--plot: drawn for 'analyze swim' only");
    }
    PlotOutput plot = PlotOutput.check(plotPath);
    long[] seeds = parseSeeds(seedsText != null ? seedsText : swim ? "1..200" : "1..20");
    List<Integer> sizes = members != null ? members : List.of(10, 100);
    ScenarioLoader loader = ScenarioArgument.loader();
    List<String> lines = new ArrayList<>();
    List<String> csv = new ArrayList<>();
    List<String> notes;
    if (swim) {
      SwimAnalysis analysis = new SwimAnalysis(loader, new Catalog(loader)::load, jobs);
      List<AnalysisRow> rows = analysis.analyze(sizes, seeds);
      lines.add(AnalysisRow.MARKDOWN_HEADER);
      csv.add(AnalysisRow.CSV_HEADER);
      rows.forEach(row -> lines.add(row.markdown()));
      rows.forEach(row -> csv.add(row.csv()));
      notes = analysis.notes();
      if (plot != null) {
        plot.write("faultline analyze swim, " + seedsLabel(seeds) + ", n = " + sizes, rows);
      }
    } else {
      DetectorComparison comparison = new DetectorComparison(loader, jobs);
      List<DetectorComparison.Row> rows = comparison.compare(sizes, seeds);
      lines.add(DetectorComparison.Row.MARKDOWN_HEADER);
      csv.add(DetectorComparison.Row.CSV_HEADER);
      rows.forEach(row -> lines.add(row.markdown()));
      rows.forEach(row -> csv.add(row.csv()));
      notes = comparison.notes();
    }
    PrintWriter out = spec.commandLine().getOut();
    lines.forEach(out::println);
    for (String note : notes) {
      out.println();
      out.println("note: " + note);
    }
    if (plot != null) {
      out.println();
      out.println("plot: " + plot.path());
    }
    if (csvPath != null) {
      writeCsv(csv);
      out.println();
      out.println("csv: " + csvPath);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String seedsLabel(long[] seeds) {
    return seeds.length + " seeds from " + seeds[0] + " to " + seeds[seeds.length - 1];
  }

  private static long[] parseSeeds(String text) {
    SeedList seeds;
    try {
      seeds = SeedList.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError("--seeds: " + e.getMessage());
    }
    if (seeds.size() < 2) {
      throw new UserError("--seeds: a confidence interval needs at least two seeds");
    }
    return seeds.seeds();
  }

  private void writeCsv(List<String> lines) {
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
