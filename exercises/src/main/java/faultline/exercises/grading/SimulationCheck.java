package faultline.exercises.grading;

import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import faultline.scenarios.trace.FileTraceSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs one exercise scenario over a fixed list of seeds with the student's node, and fails at the
 * first seed whose run violates an invariant, floods the engine (event or queue limit), or does too
 * little to judge (a metric below its floor: a node that never stamps an event would otherwise pass
 * every clock invariant vacuously). On a violation the run is repeated, deterministically, into a
 * trace file for {@code replay} and the visualizer.
 */
public final class SimulationCheck implements CheckBody {
  private final String scenarioFile;
  private final long firstSeed;
  private final int seeds;
  private final Map<String, Bound> metricBounds = new TreeMap<>();

  /** A limit on a metric, and what breaking it means, in words. */
  private record Bound(long limit, boolean ceiling, String meaning) {}

  private SimulationCheck(String scenarioFile, long firstSeed, int seeds) {
    this.scenarioFile = scenarioFile;
    this.firstSeed = firstSeed;
    this.seeds = seeds;
  }

  /** Seeds {@code firstSeed}, {@code firstSeed + 1}, ... of {@code exercises/scenarios/<file>}. */
  public static SimulationCheck of(String scenarioFile, long firstSeed, int seeds) {
    return new SimulationCheck(scenarioFile, firstSeed, seeds);
  }

  /**
   * Every run must reach at least {@code floor} on {@code metric}, or the check fails as having too
   * little happened to judge: a guard, so that a solution that does nothing cannot pass.
   */
  public SimulationCheck requireMetric(String metric, long floor) {
    return requireMetric(metric, floor, "too little happened to judge");
  }

  /**
   * Every run must reach at least {@code floor} on {@code metric}; one that does not fails with
   * {@code meaning} ("no leader was ever elected"), for a floor that is a property, not a guard.
   */
  public SimulationCheck requireMetric(String metric, long floor, String meaning) {
    metricBounds.put(metric, new Bound(floor, false, meaning));
    return this;
  }

  /**
   * No run may exceed {@code ceiling} on {@code metric} (a liveness bound: the longest time without
   * a leader); one that does fails with {@code meaning}. Metrics named {@code ...Nanos} are shown
   * in milliseconds.
   */
  public SimulationCheck limitMetric(String metric, long ceiling, String meaning) {
    metricBounds.put(metric, new Bound(ceiling, true, meaning));
    return this;
  }

  @Override
  public Optional<Failure> run(CheckProgress progress) throws IOException {
    Scenario scenario = ExerciseScenarios.load(scenarioFile);
    String path = ExerciseScenarios.name(scenarioFile);
    for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
      progress.running(path, seed);
      RunReport report =
          ScenarioRunner.run(scenario, seed, scenario.run().durationNanos(), TraceSink.discard());
      Optional<Failure> failure = judge(report.outcome(), scenario, seed, path, progress);
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  private Optional<Failure> judge(
      RunOutcome outcome, Scenario scenario, long seed, String path, CheckProgress progress)
      throws IOException {
    if (outcome.violated()) {
      Violation violation = outcome.violations().getFirst();
      Path trace = writeTrace(scenario, seed, progress.tracePath(seed));
      String summary =
          violation.invariant()
              + " violated at event #"
              + violation.seq()
              + " (t="
              + millis(violation.timeNanos())
              + ")"
              + (violation.node() == null ? "" : " at " + violation.node())
              + ": "
              + violation.message();
      if (violation.node() != null) {
        for (String context :
            TraceContext.describe(trace, violation.node().name(), violation.seq())) {
          summary += "\n" + context;
        }
      }
      return Optional.of(
          new Failure(
              summary,
              seed,
              path,
              violation.invariant(),
              violation.seq(),
              violation.timeNanos(),
              violation.node() == null ? null : violation.node().name(),
              trace));
    }
    RunOutcome.StopReason stop = outcome.stopReason();
    if (stop == RunOutcome.StopReason.EVENT_LIMIT || stop == RunOutcome.StopReason.QUEUE_LIMIT) {
      return Optional.of(
          new Failure(
              "the run " + stop.explanation() + ": does a handler send or arm timers without end?",
              seed,
              path,
              null,
              null,
              outcome.endNanos(),
              null,
              null));
    }
    for (Map.Entry<String, Bound> entry : metricBounds.entrySet()) {
      Bound bound = entry.getValue();
      long value = outcome.metrics().getOrDefault(entry.getKey(), 0L);
      if (bound.ceiling() ? value > bound.limit() : value < bound.limit()) {
        return Optional.of(
            new Failure(
                bound.meaning()
                    + ": metric "
                    + entry.getKey()
                    + " is "
                    + show(entry.getKey(), value)
                    + (bound.ceiling() ? ", must be at most " : ", must be at least ")
                    + show(entry.getKey(), bound.limit()),
                seed,
                path,
                null,
                null,
                outcome.endNanos(),
                null,
                writeTrace(scenario, seed, progress.tracePath(seed))));
      }
    }
    return Optional.empty();
  }

  private static String show(String metric, long value) {
    return metric.endsWith("Nanos") ? millis(value) : Long.toString(value);
  }

  private static Path writeTrace(Scenario scenario, long seed, Path tracePath) throws IOException {
    Files.createDirectories(tracePath.toAbsolutePath().getParent());
    try (FileTraceSink sink = new FileTraceSink(tracePath)) {
      ScenarioRunner.run(scenario, seed, scenario.run().durationNanos(), sink);
    }
    return tracePath;
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3fms", nanos / 1e6);
  }
}
