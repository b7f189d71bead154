package faultline.scenarios.cli;

import faultline.scenarios.analysis.AnalysisRow;
import faultline.scenarios.analysis.DetectorComparison;
import faultline.scenarios.analysis.DisseminationAnalysis;
import faultline.scenarios.analysis.ElectionCdf;
import faultline.scenarios.analysis.ElectionTimeouts;
import faultline.scenarios.analysis.RaftFigure16;
import faultline.scenarios.analysis.SwimAnalysis;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.parse.Durations;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.sweep.SeedList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "analyze",
    aliases = "experiment",
    mixinStandardHelpOptions = true,
    description = {
      "Reproduce a paper's analysis by a seed sweep.",
      "Each measurement is printed with its 95%% confidence interval beside the formula's"
          + " prediction, as a Markdown table (and a CSV with --csv).",
      "'swim': time to first detection, failed probes under loss, load per member,"
          + " dissemination time, and Lifeguard's reduction of false positives around a slow"
          + " member.",
      "'detectors': SWIM, all-to-all heartbeats with a fixed timeout and with phi accrual on"
          + " the same faults and seeds: detection times, false positives and message cost as"
          + " the group grows.",
      "'dissemination': SWIM's time to spread a verdict to everyone, against log n.",
      "'raft-figure-16': Raft's Figure 16, the time to replace a crashed leader as a CDF for"
          + " eleven election-timeout ranges, one trial per seed (1..1000 by default, about"
          + " four minutes on two cores); --csv writes every trial, --plot the two graphs."
    },
    footer = {
      "",
      "Examples:",
      "  ./faultline analyze swim",
      "  ./faultline analyze swim --seeds 1..1000 --members 10,100 --csv swim.csv",
      "  ./faultline analyze swim --plot swim.png",
      "  ./faultline analyze detectors --seeds 1..10 --members 10,100,1000",
      "  ./faultline analyze dissemination --members 10,30,100,300,1000",
      "  ./faultline experiment raft-figure-16 --csv figure-16.csv --plot figure-16.svg"
    })
final class AnalyzeCommand implements Callable<Integer> {
  private static final List<String> ANALYSES =
      List.of("swim", "detectors", "dissemination", "raft-figure-16");

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<analysis>",
      description = "Which analysis: swim, detectors, dissemination or raft-figure-16.")
  String analysis;

  @Option(
      names = "--seeds",
      paramLabel = "LIST",
      description =
          "Seeds of the sweep (default: 1..200 for swim, 1..20 for detectors and"
              + " dissemination, 1..1000 for raft-figure-16).")
  String seedsText;

  @Option(
      names = "--members",
      paramLabel = "N,N",
      split = ",",
      description =
          "Group sizes (default: 10,100, and 10,30,100,300,1000 for dissemination;"
              + " all-to-all heartbeats at 1000 send 10^6 messages per simulated second).")
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
          "swim and raft-figure-16: also draw the result as PNG or SVG (by the extension; no"
              + " display needed): for swim each quantity, measured with its interval beside the"
              + " prediction; for raft-figure-16 the figure's two graphs of CDFs.")
  Path plotPath;

  @Option(
      names = "--latency",
      paramLabel = "MIN..MAX",
      description =
          "raft-figure-16 only: the one-way network delay, drawn uniformly (default 4ms..9ms,"
              + " a broadcast time of about 15 ms as in the paper).")
  String latencyText;

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
    boolean figure16 = analysis.equals("raft-figure-16");
    if (plotPath != null && !swim && !figure16) {
      throw new UserError("--plot: drawn for 'analyze swim' and 'raft-figure-16' only");
    }
    if (latencyText != null && !figure16) {
      throw new UserError("--latency: set for 'raft-figure-16' only");
    }
    if (figure16 && members != null) {
      throw new UserError("--members: raft-figure-16 runs five servers, as the paper did");
    }
    PlotOutput plot = PlotOutput.check(plotPath);
    if (figure16) {
      return figure16(plot, parseSeeds(seedsText != null ? seedsText : "1..1000"));
    }
    long[] seeds = parseSeeds(seedsText != null ? seedsText : swim ? "1..200" : "1..20");
    boolean dissemination = analysis.equals("dissemination");
    List<Integer> sizes =
        members != null
            ? members
            : dissemination ? List.of(10, 30, 100, 300, 1000) : List.of(10, 100);
    ScenarioLoader loader = ScenarioArgument.loader();
    List<String> lines = new ArrayList<>();
    List<String> csv = new ArrayList<>();
    List<String> notes;
    if (dissemination) {
      DisseminationAnalysis analysis = new DisseminationAnalysis(loader, jobs);
      List<AnalysisRow> rows = analysis.analyze(sizes, seeds);
      lines.add(AnalysisRow.MARKDOWN_HEADER);
      csv.add(AnalysisRow.CSV_HEADER);
      rows.forEach(row -> lines.add(row.markdown()));
      rows.forEach(row -> csv.add(row.csv()));
      notes = analysis.notes();
    } else if (swim) {
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

  private int figure16(PlotOutput plot, long[] seeds) {
    long[] latency =
        latencyText == null ? RaftFigure16.DEFAULT_LATENCY_NANOS : parseLatency(latencyText);
    RaftFigure16 experiment = new RaftFigure16(ScenarioArgument.loader(), jobs, latency);
    Activity.set(() -> "raft-figure-16: " + experiment.progress());
    List<ElectionCdf> cdfs = experiment.run(ElectionTimeouts.figure16(), seeds);
    Activity.clear();
    PrintWriter out = spec.commandLine().getOut();
    out.println(RaftFigure16.MARKDOWN_HEADER);
    cdfs.forEach(cdf -> out.println(RaftFigure16.markdown(cdf)));
    out.println();
    out.printf(
        Locale.ROOT,
        "note: five servers, one-way delay %s..%s uniform: a broadcast (four requests, the"
            + " slowest reply) takes %.1f ms on average; downtimes to %.1f ms%n",
        Durations.format(latency[0]),
        Durations.format(latency[1]),
        experiment.broadcastMillis(),
        RaftFigure16.RESOLUTION_MILLIS);
    for (ElectionCdf cdf : cdfs) {
      if (cdf.noLeader() > 0) {
        out.println();
        out.println(
            "note: "
                + cdf.timeouts().label()
                + ": "
                + cdf.noLeader()
                + " trial(s) had no leader when the crash was due and crashed nothing");
      }
    }
    if (plot != null) {
      plot.writeCdfs("faultline experiment raft-figure-16, " + seedsLabel(seeds), cdfs);
      out.println();
      out.println("plot: " + plot.path());
    }
    if (csvPath != null) {
      writeCsv(experiment.trialsCsv());
      out.println();
      out.println("csv: " + csvPath);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static long[] parseLatency(String text) {
    int dots = text.indexOf("..");
    try {
      long min = Durations.parse(dots < 0 ? text : text.substring(0, dots));
      long max = dots < 0 ? min : Durations.parse(text.substring(dots + 2));
      if (min <= 0 || max < min) {
        throw new UserError("--latency: need 0 < MIN <= MAX, as in 4ms..9ms; got '" + text + "'");
      }
      return new long[] {min, max};
    } catch (IllegalArgumentException e) {
      throw new UserError("--latency: " + e.getMessage());
    }
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
