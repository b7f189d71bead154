package faultline.scenarios.cli;

import faultline.engine.RunOutcome;
import faultline.scenarios.model.Expectation;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.sweep.SeedList;
import faultline.scenarios.sweep.Shard;
import faultline.scenarios.sweep.SweepRunner;
import faultline.scenarios.sweep.SweepSummary;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    subcommands = {SweepMergeCommand.class},
    description = {
      "Run a scenario for many seeds, one simulation per job.",
      "Each simulation is single-threaded; the jobs run side by side. Writes one JSON line per"
          + " seed (seed, fingerprint, violations, stopReason, events, virtualTimeNanos, replay, verdict, metrics, and shrink for a failing seed) in seed order, whatever order the jobs finish in. Exits 1"
          + " when a seed violated an invariant that the scenario does not expect, listing each"
          + " such seed with its replay command. Split a sweep across machines with --shard;"
          + " join the parts with 'sweep merge'."
    },
    footer = {
      "",
      "Examples:",
      "  ./faultline sweep clocks/hlc-faults --seeds 1..1000 --out results.jsonl",
      "  ./faultline sweep clocks/hlc-faults --seeds 1..100000 --shard 3/8 \\",
      "      --out part-3.jsonl",
      "  ./faultline sweep clocks/hlc-faults --seeds 1..100000 --shard auto/8 \\",
      "      --out part-$JOB_COMPLETION_INDEX.jsonl",
      "  ./faultline sweep merge part-*.jsonl --out all.jsonl"
    })
final class SweepCommand implements Callable<Integer> {
  /** Where {@code --shard auto/n} reads its index; tests replace it. */
  static Function<String, String> environment = System::getenv;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "<scenario>",
      description = "A bundled name (see list) or a file.")
  String scenarioName;

  @Option(
      names = "--seeds",
      paramLabel = "LIST",
      description = "Seeds to run: 1..1000, 7, or a comma list of both (required).")
  String seedsText;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Simulations run at once (default: all cores, here ${DEFAULT-VALUE}).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--shard",
      paramLabel = "i/n",
      description =
          "Run only block i of n of the seed list (i from 0). auto/n takes i from"
              + " JOB_COMPLETION_INDEX (Kubernetes Indexed Job), else SLURM_ARRAY_TASK_ID"
              + " (Slurm job array, --array=0-(n-1)).")
  String shardText;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the JSON lines here (default: standard output, summary to stderr).")
  Path outPath;

  @Option(
      names = "--until",
      paramLabel = "DURATION",
      description = "Virtual time to run each seed to, like 5s (default: the scenario's).")
  String until;

  @Option(
      names = "--swarm",
      description =
          "Swarm testing: each seed keeps each of the scenario's random fault kinds and network"
              + " behaviours (loss, duplication, reordering) with probability 1/2, drawn from the"
              + " seed; the summary says which were covered and which configurations failed."
              + " Replay a seed with run --swarm.")
  boolean swarm;

  @Option(
      names = "--wall-limit",
      paramLabel = "DURATION",
      description =
          "Stop the sweep after this much real time, like 10m: the results of the seeds done so"
              + " far are written and the sweep is inconclusive (exit 5). Ctrl-C stops it the same"
              + " way.")
  String wallLimit;

  @Override
  public Integer call() throws Exception {
    if (scenarioName == null) {
      throw new UserError("sweep: a scenario is required (or 'sweep merge FILE...')");
    }
    if (seedsText == null) {
      throw new UserError("sweep: --seeds is required, like --seeds 1..1000");
    }
    if (jobs < 1) {
      throw new UserError("--jobs: must be at least 1, not " + jobs);
    }
    SeedList seeds = parse("--seeds", () -> SeedList.parse(seedsText));
    Shard shard =
        shardText == null
            ? Shard.WHOLE
            : parse("--shard", () -> Shard.parse(shardText, environment));
    long durationOption = until == null ? 0 : DurationOptions.positive("--until", until);
    StopConditions stop =
        StopConditions.startingNow(
            wallLimit == null ? null : DurationOptions.positive("--wall-limit", wallLimit));
    Scenario scenario = ScenarioArgument.load(scenarioName);
    long durationNanos = until == null ? scenario.run().untilNanos() : durationOption;
    if (swarm) {
      SwarmOption.requireFeatures(scenario);
    }
    long[] mine =
        Arrays.copyOfRange(seeds.seeds(), shard.from(seeds.size()), shard.to(seeds.size()));

    PrintWriter summaryOut =
        outPath == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
    summaryOut.printf(
        "sweep %s%s: %d of %d seeds (%s)%s, %d job%s%n",
        scenario.name(),
        swarm ? " --swarm" : "",
        mine.length,
        seeds.size(),
        seeds.text(),
        shard.equals(Shard.WHOLE) ? "" : ", shard " + shard,
        jobs,
        jobs == 1 ? "" : "s");
    summaryOut.flush();
    SweepSummary summary = new SweepSummary();
    long startedNanos = System.nanoTime();
    Activity.set(
        () ->
            SweepProgress.describe(
                scenario.name(),
                summary.seeds(),
                mine.length,
                summary.failures(),
                System.nanoTime() - startedNanos));
    RunOutcome.StopReason stoppedBy;
    try (Writer results =
        ResultsOutput.open(outPath, spec.commandLine().getOut(), spec.commandLine().getErr())) {
      stoppedBy =
          new SweepRunner(scenario, seeds, durationNanos, swarm ? ScenarioArgument.loader() : null)
              .run(
                  mine,
                  jobs,
                  stop.monitor(),
                  result -> {
                    summary.add(result);
                    ProgressLine.aside(
                        () -> ResultsOutput.writeLine(results, result.toJsonLine(), outPath));
                  });
    }
    Activity.clear();
    ProgressLine.clearNow();
    summary.print(summaryOut, System.nanoTime() - startedNanos, jobs);
    if (stoppedBy != null) {
      summaryOut.printf(
          "  stopped %s after %d of %d seeds: the results above are those seeds' only%n",
          stoppedBy == RunOutcome.StopReason.INTERRUPTED ? "by Ctrl-C" : "at --wall-limit",
          summary.seeds(),
          mine.length);
    }
    boolean rateMet =
        stoppedBy != null // A sweep cut short says nothing of a rate over all its seeds.
            || judgeRate(summaryOut, scenario, seeds, shard, durationNanos, summary);
    if (outPath != null) {
      summaryOut.println("  results: " + outPath);
    }
    summaryOut.flush();
    if (summary.anyFailed() || !rateMet) {
      return ExitCodes.FAILED_CHECK;
    }
    return summary.anyInconclusive() || stoppedBy != null ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
  }

  /**
   * Judges the scenario's expected rate ({@code expect.rate}) when this sweep is the one it names:
   * the same seeds, whole, at the scenario's own duration. True when met or not judged.
   */
  private static boolean judgeRate(
      PrintWriter out,
      Scenario scenario,
      SeedList seeds,
      Shard shard,
      long durationNanos,
      SweepSummary summary) {
    Expectation.SeedRate rate = scenario.expect().rate();
    if (rate == null) {
      return true;
    }
    String violations = String.join(", ", scenario.expect().violations());
    if (!shard.equals(Shard.WHOLE)
        || durationNanos != scenario.run().untilNanos()
        || !SeedList.parse(rate.seeds()).equals(seeds)) {
      out.printf(
          "  expected rate: not judged (the scenario expects %s on %s of seeds %s, at its own"
              + " duration; sweep exactly those)%n",
          violations, rate.violated(), rate.seeds());
      return true;
    }
    int shown = summary.expectedViolationsOnly();
    boolean met = rate.violated().accepts(shown);
    out.printf(
        "  expected rate: %s on %s of these seeds; shown on %d: %s%n",
        violations, rate.violated(), shown, met ? "met" : "NOT met");
    return met;
  }

  private static <T> T parse(String option, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new UserError(option + ": " + e.getMessage());
    }
  }
}
