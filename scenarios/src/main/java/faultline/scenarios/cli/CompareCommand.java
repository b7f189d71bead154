package faultline.scenarios.cli;

import faultline.scenarios.compare.Comparison;
import faultline.scenarios.compare.ComparisonColumn;
import faultline.scenarios.compare.ComparisonTable;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.sweep.SeedList;
import java.io.PrintWriter;
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
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare scenarios over the same seeds, figures side by side.",
      "Prints seeds with violations, client operations, commits, commit latency percentiles,"
          + " leader changes and time without a leader (medians over the seeds). Scenarios whose"
          + " nodes and random-fault settings agree get the same fault schedule from a seed; the"
          + " table counts the seeds where they did. Exits 1 when a seed violated an invariant"
          + " that its scenario does not expect."
    },
    footer = {
      "",
      "Examples:",
      "  ./faultline compare raft/random-faults multipaxos/random-faults --seeds 1..200",
      "  ./faultline compare flexible-paxos/quorums flexible-paxos/majority-quorums \\",
      "      --seeds 1..50 --markdown"
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "<scenario>",
      description = "Two or more bundled names (see list) or files.")
  List<String> scenarioNames = new ArrayList<>();

  @Option(
      names = "--seeds",
      paramLabel = "LIST",
      description = "Seeds to run each scenario with: 1..200, 7, or a comma list (required).")
  String seedsText;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Simulations run at once (default: all cores, here ${DEFAULT-VALUE}).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Option(names = "--markdown", description = "Print the table in Markdown, for a README.")
  boolean markdown;

  @Override
  public Integer call() throws Exception {
    if (scenarioNames.size() < 2) {
      throw new UserError(
          "compare: name at least two scenarios, like 'compare raft/random-faults"
              + " multipaxos/random-faults --seeds 1..200'");
    }
    if (seedsText == null) {
      throw new UserError("compare: --seeds is required, like --seeds 1..200");
    }
    if (jobs < 1) {
      throw new UserError("--jobs: must be at least 1, not " + jobs);
    }
    SeedList seeds;
    try {
      seeds = SeedList.parse(seedsText);
    } catch (IllegalArgumentException e) {
      throw new UserError("--seeds: " + e.getMessage());
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (String name : scenarioNames) {
      scenarios.add(ScenarioArgument.load(name));
    }
    long startedNanos = System.nanoTime();
    List<ComparisonColumn> columns = new Comparison(scenarios).run(seeds.seeds(), jobs);
    ComparisonTable table = new ComparisonTable(columns);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(table.toJson());
    } else {
      table.print(out, markdown);
      out.printf(
          Locale.ROOT,
          "%d scenarios x %d seeds (%s) in %.1f s on %d job%s%n",
          scenarios.size(),
          seeds.size(),
          seeds.text(),
          (System.nanoTime() - startedNanos) / 1e9,
          jobs,
          jobs == 1 ? "" : "s");
    }
    out.flush();
    boolean failed = columns.stream().anyMatch(column -> column.failedSeeds() > 0);
    if (failed && !json) {
      printFailures(columns);
    }
    return failed ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
  }

  private void printFailures(List<ComparisonColumn> columns) {
    PrintWriter err = spec.commandLine().getErr();
    for (ComparisonColumn column : columns) {
      column.runs().stream()
          .filter(run -> run.failed())
          .limit(20)
          .forEach(run -> err.println("violated: " + run.replay()));
    }
    err.flush();
  }
}
