package faultline.scenarios.cli;

import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.Durations;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.Shell;
import faultline.scenarios.shrink.ShrinkBudget;
import faultline.scenarios.shrink.ShrinkResult;
import faultline.scenarios.shrink.ShrinkSize;
import faultline.scenarios.shrink.Shrinker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "shrink",
    mixinStandardHelpOptions = true,
    description = {
      "Shrink a failing run to a smaller scenario that fails the same way.",
      "Writes the faults the seed draws from randomFaults out as an explicit list, then drops"
          + " faults (delta debugging), shortens and narrows the rest, moves them later, stops the"
          + " run just past the violation, lightens the client load and quiets the network, each"
          + " only where the failure survives; every candidate is one deterministic run. Stops at"
          + " a fixed point or a budget, and writes the smallest failing scenario as a commented"
          + " scenario file that run reproduces. Progress goes to standard error.",
      "Exit 0 when written, 1 when the seed's run violates nothing (nothing to shrink)."
    },
    footer = {
      "",
      "Examples:",
      "  ./faultline shrink raft/random-faults --seed 77 --out seed-77.json",
      "  ./faultline run seed-77.json"
    })
final class ShrinkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<scenario>", description = "A bundled name (see list) or a file.")
  String scenarioName;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "The failing seed (default: the scenario's).")
  Long seed;

  @Option(
      names = "--until",
      paramLabel = "DURATION",
      description = "Virtual time the failing run went to, like 5s (default: the scenario's).")
  String until;

  @Option(
      names = "--swarm",
      description = "Shrink the seed's swarm configuration, as sweep --swarm ran it.")
  boolean swarm;

  @Option(
      names = "--invariant",
      paramLabel = "NAME",
      description = "The invariant to keep violated (default: the first the run violates).")
  String invariant;

  @Option(
      names = "--max-runs",
      paramLabel = "N",
      description =
          "Stop after this many runs, keeping the smallest so far (default: ${DEFAULT-VALUE}).")
  int maxRuns = 2000;

  @Option(
      names = "--max-time",
      paramLabel = "DURATION",
      description =
          "Stop after this much real time, like 30s or 5m (default: 10m). A result stopped by"
              + " time depends on the machine's speed; one stopped by --max-runs does not.")
  String maxTime = "10m";

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "Where to write the shrunk scenario (default: <name>-seed-<N>-shrunk.json here).")
  Path outPath;

  @Override
  public Integer call() throws IOException {
    if (maxRuns < 1) {
      throw new UserError("--max-runs: must be at least 1, not " + maxRuns);
    }
    long maxTimeNanos = DurationOptions.positive("--max-time", maxTime);
    long untilOption = until == null ? 0 : DurationOptions.positive("--until", until);
    PrintWriter err = spec.commandLine().getErr();
    Activity.set("loading " + scenarioName);
    Scenario scenario = ScenarioArgument.load(scenarioName);
    long runSeed = seed != null ? seed : scenario.seed();
    if (swarm) {
      scenario = SwarmOption.configure(scenario, runSeed, err);
    }
    long untilNanos = until == null ? scenario.run().untilNanos() : untilOption;
    Path out = outPath != null ? outPath : Path.of(defaultFileName(scenario, runSeed));
    OutputPaths.prepareFile("--out", out, err);

    long startedNanos = System.nanoTime();
    ShrinkProgress progress = new ShrinkProgress(err, scenario.name(), startedNanos);
    Activity.set(progress::describe);
    ShrinkResult result;
    try {
      result =
          new Shrinker(ScenarioArgument.loader(), budget(maxTimeNanos, startedNanos), progress)
              .shrink(scenario, runSeed, untilNanos, invariant);
    } catch (Shrinker.NothingToShrink e) {
      Activity.clear();
      ProgressLine.clearNow();
      err.println("faultline: shrink: " + e.getMessage());
      err.flush();
      return ExitCodes.FAILED_CHECK;
    }
    Activity.clear();
    ProgressLine.clearNow();
    String shrinkCommand =
        "./faultline shrink "
            + Shell.quote(RunReport.scenarioArgument(scenario))
            + " --seed "
            + runSeed
            + (untilNanos == scenario.run().untilNanos()
                ? ""
                : " --until " + Durations.format(untilNanos))
            + (swarm ? " --swarm" : "");
    String runCommand = "./faultline run " + Shell.quote(out.toString());
    try {
      Files.writeString(
          out, result.scenarioText(shrinkCommand, runCommand), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw OutputPaths.cannotWrite("--out", out, e);
    }
    report(spec.commandLine().getOut(), result, System.nanoTime() - startedNanos, out, runCommand);
    return ExitCodes.OK;
  }

  private ShrinkBudget budget(long maxTimeNanos, long startedNanos) {
    ShrinkBudget time =
        runs ->
            System.nanoTime() - startedNanos >= maxTimeNanos
                ? "stopped at --max-time " + maxTime
                : null;
    ShrinkBudget interrupt = runs -> Interrupts.requested() ? "stopped by Ctrl-C" : null;
    return interrupt.or(ShrinkBudget.runs(maxRuns)).or(time);
  }

  static String defaultFileName(Scenario scenario, long seed) {
    String name = scenario.name().substring(scenario.name().lastIndexOf('/') + 1);
    return name.replaceAll("[^A-Za-z0-9._+-]", "_") + "-seed-" + seed + "-shrunk.json";
  }

  private static void report(
      PrintWriter out, ShrinkResult result, long elapsedNanos, Path file, String runCommand) {
    ShrinkSize before = result.before();
    ShrinkSize after = result.after();
    out.printf(
        Locale.ROOT,
        "shrink %s --seed %d: %s still violated%n",
        result.original().name(),
        result.seed(),
        result.invariant());
    out.printf(Locale.ROOT, "  %-14s %14s %14s%n", "", "before", "after");
    out.printf(Locale.ROOT, "  %-14s %14d %14d%n", "faults", before.faults(), after.faults());
    out.printf(Locale.ROOT, "  %-14s %,14d %,14d%n", "events", before.events(), after.events());
    out.printf(
        Locale.ROOT,
        "  %-14s %14s %14s%n",
        "run length",
        Durations.format(before.runNanos()),
        Durations.format(after.runNanos()));
    out.printf(
        Locale.ROOT,
        "  %-14s %14s %14s%n",
        "violation at",
        ShrinkSize.readable(before.violationNanos()),
        ShrinkSize.readable(after.violationNanos()));
    out.printf(
        Locale.ROOT,
        "  %d runs in %.1f s, %s%n",
        result.runs(),
        elapsedNanos / 1e9,
        result.stoppedBy() == null
            ? "a fixed point: no single change left keeps it failing"
            : result.stoppedBy());
    out.println("  written: " + file);
    out.println("  run it: " + runCommand);
    out.flush();
  }
}
