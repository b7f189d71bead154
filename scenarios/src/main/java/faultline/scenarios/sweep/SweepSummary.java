package faultline.scenarios.sweep;

import faultline.engine.check.Percentiles;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tallies a sweep's results as they arrive and prints the summary a user reads: how many seeds, how
 * fast, and every failing seed with the command that replays it.
 */
public final class SweepSummary {
  /** Beyond this many failing seeds, the rest are counted but not listed. */
  static final int FAILURES_LISTED_MAX = 20;

  // Read by the progress line from another thread.
  private volatile int seeds;
  private volatile int failed;
  private int withViolations;
  private final List<SweepResult> failures = new ArrayList<>();
  private final List<SweepResult> inconclusive = new ArrayList<>();
  private final MetricDistributions metrics = new MetricDistributions();
  private final SwarmCoverage swarm = new SwarmCoverage();
  private final PropertyCoverage properties = new PropertyCoverage();
  private final List<Long> wallNanos = new ArrayList<>();

  public void add(SweepResult result) {
    seeds++;
    metrics.add(result.metrics());
    properties.add(result.sometimes(), result.eventually());
    if (result.swarm() != null) {
      swarm.add(result.swarm(), result.failed(), result.seed(), result.sometimes());
    }
    if (result.wallNanos() >= 0) {
      wallNanos.add(result.wallNanos());
    }
    if (result.violations().size() > 0) {
      withViolations++;
    }
    if (result.failed()) {
      failures.add(result);
      failed++;
    } else if (result.isInconclusive()) {
      inconclusive.add(result);
    }
  }

  /** Seeds whose run violated only what the scenario expects (and something). */
  public int expectedViolationsOnly() {
    return withViolations - failures.size();
  }

  public boolean anyInconclusive() {
    return !inconclusive.isEmpty();
  }

  /** Seeds that violated what the scenario does not expect, so far. */
  public int failures() {
    return failed;
  }

  public int seeds() {
    return seeds;
  }

  public boolean anyFailed() {
    return !failures.isEmpty();
  }

  private void printInconclusive(PrintWriter out) {
    if (inconclusive.isEmpty()) {
      return;
    }
    out.println("  inconclusive seeds (a limit stopped the run, or a check could not decide):");
    for (SweepResult result :
        inconclusive.subList(0, Math.min(inconclusive.size(), FAILURES_LISTED_MAX))) {
      out.printf(
          Locale.ROOT,
          "    seed %d: %s -- replay: %s%n",
          result.seed(),
          result.inconclusive().getFirst(),
          result.replay());
    }
    if (inconclusive.size() > FAILURES_LISTED_MAX) {
      out.printf(
          Locale.ROOT,
          "    ... and %d more (every line whose \"verdict\" is \"inconclusive\")%n",
          inconclusive.size() - FAILURES_LISTED_MAX);
    }
  }

  /** The real time each seed's run took, when known (not for merged results). */
  private void printTimes(PrintWriter out) {
    if (wallNanos.isEmpty()) {
      return;
    }
    List<Long> sorted = new ArrayList<>(wallNanos);
    sorted.sort(null);
    out.printf(
        Locale.ROOT,
        "  real time per seed: p50 %s, p90 %s, p99 %s, max %s%n",
        MetricDistributions.time(Percentiles.nearestRank(sorted, 50)),
        MetricDistributions.time(Percentiles.nearestRank(sorted, 90)),
        MetricDistributions.time(Percentiles.nearestRank(sorted, 99)),
        MetricDistributions.time(sorted.getLast()));
  }

  /** Per property, how many seeds reached it (sometimes) or how it was judged (eventually). */
  public PropertyCoverage properties() {
    return properties;
  }

  /** The distributions of the metrics so far. */
  public MetricDistributions metrics() {
    return metrics;
  }

  /** Prints the tally; {@code elapsedNanos} below zero leaves out the speed (for merges). */
  public void print(PrintWriter out, long elapsedNanos, int jobs) {
    if (elapsedNanos >= 0) {
      double seconds = elapsedNanos / 1e9;
      out.printf(
          Locale.ROOT,
          "  %d seeds in %.1f s on %d job%s: %,.0f seeds/minute%n",
          seeds,
          seconds,
          jobs,
          jobs == 1 ? "" : "s",
          seconds > 0 ? seeds * 60 / seconds : 0.0);
    }
    int expectedOnly = expectedViolationsOnly();
    out.printf(
        Locale.ROOT,
        "  %d passed, %d failed, %d inconclusive%s%n",
        seeds - failures.size() - inconclusive.size(),
        failures.size(),
        inconclusive.size(),
        expectedOnly > 0
            ? " (" + expectedOnly + " passed seeds violated only what the scenario expects)"
            : "");
    printTimes(out);
    metrics.print(out, seeds);
    properties.print(out);
    swarm.print(out);
    printInconclusive(out);
    if (failures.isEmpty()) {
      return;
    }
    out.println(
        "  failing seeds (an invariant the scenario does not expect was violated, or an eventually"
            + " property failed):");
    for (SweepResult failure :
        failures.subList(0, Math.min(failures.size(), FAILURES_LISTED_MAX))) {
      out.printf(
          Locale.ROOT,
          "    seed %d: %s -- replay: %s%n",
          failure.seed(),
          String.join(", ", failure.unexpected()),
          failure.replay());
      if (failure.shrink() != null) {
        out.printf(Locale.ROOT, "      shrink: %s%n", failure.shrink());
      }
    }
    if (failures.size() > FAILURES_LISTED_MAX) {
      out.printf(
          Locale.ROOT,
          "    ... and %d more (every line with a non-empty \"unexpected\" in the results)%n",
          failures.size() - FAILURES_LISTED_MAX);
    }
  }
}
