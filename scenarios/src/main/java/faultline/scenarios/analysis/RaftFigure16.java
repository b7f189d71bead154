package faultline.scenarios.analysis;

import faultline.scenarios.parse.ScenarioLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reproduces Figure 16 of the Raft paper (Ongaro and Ousterhout, USENIX ATC 2014, §9.3): the time
 * to detect and replace a crashed leader, as a CDF per election-timeout range, on five servers with
 * a broadcast time of about 15 ms. Each seed is one trial ({@link LeaderCrashTrial}); the line
 * 150-150 ms uses the first tenth of the seeds, as the paper ran it 100 times against 1,000.
 */
public final class RaftFigure16 {
  /** What the paper's text says of some lines, to print beside the measurement. */
  static final Map<String, String> PAPER =
      Map.of(
          "150-150ms", "consistently longer than 10 s (split votes)",
          "150-155ms", "median 287 ms",
          "150-200ms", "worst of 1,000 trials 513 ms",
          "12-24ms", "mean 35 ms, longest 152 ms");

  /** The measurement's time resolution. */
  public static final double RESOLUTION_MILLIS = LeaderCrashTrial.STEP_NANOS / 1e6;

  static final String CSV_HEADER =
      "timeouts,panel,seed,outcome,downtime_ms,crashed_leader,crash_at_ms,lagging_followers,"
          + "logs_differed";

  /** The default one-way delay, uniform, in nanoseconds: a broadcast of about 15 ms. */
  public static final long[] DEFAULT_LATENCY_NANOS = {
    LeaderCrashTrial.LATENCY_MIN_NANOS, LeaderCrashTrial.LATENCY_MAX_NANOS
  };

  private final ScenarioLoader loader;
  private final SeedRuns runs;
  private final long[] latencyNanos;
  private final List<String> csv = new ArrayList<>();
  private final AtomicInteger trialsDone = new AtomicInteger();
  private volatile String lineRunning = "";
  private volatile int lineTrials;

  /**
   * @param latencyNanos the one-way delay's least and greatest value, drawn uniformly
   */
  public RaftFigure16(ScenarioLoader loader, int jobs, long[] latencyNanos) {
    this.loader = loader;
    this.runs = new SeedRuns(jobs);
    this.latencyNanos = latencyNanos.clone();
  }

  /** The mean broadcast time of this network, as Raft's §5.6 defines it, in milliseconds. */
  public double broadcastMillis() {
    return BroadcastTime.expectedMillis(latencyNanos[0], latencyNanos[1], 4);
  }

  /** Runs every line of {@code lines} over its share of {@code seeds}. */
  public List<ElectionCdf> run(List<ElectionTimeouts> lines, long[] seeds) {
    csv.clear();
    csv.add(CSV_HEADER);
    List<ElectionCdf> cdfs = new ArrayList<>();
    for (ElectionTimeouts line : lines) {
      int count = Math.max(2, (int) Math.ceil(seeds.length * line.trialShare()));
      long[] share = Arrays.copyOf(seeds, Math.min(count, seeds.length));
      LeaderCrashTrial trial = new LeaderCrashTrial(line, latencyNanos, loader);
      trialsDone.set(0);
      lineTrials = share.length;
      lineRunning = line.label();
      List<LeaderCrashTrial.Result> results =
          runs.each(
              share,
              seed -> {
                LeaderCrashTrial.Result result = trial.run(seed);
                trialsDone.incrementAndGet();
                return result;
              });
      cdfs.add(summarize(line, results));
      results.forEach(result -> csv.add(csvLine(line, result)));
    }
    return cdfs;
  }

  /** Where a run is, for a progress line: read from any thread. */
  public String progress() {
    return lineRunning + ", trial " + trialsDone.get() + " of " + lineTrials;
  }

  /** Every trial of the last {@link #run}, one CSV line each, header first. */
  public List<String> trialsCsv() {
    return List.copyOf(csv);
  }

  private static ElectionCdf summarize(
      ElectionTimeouts line, List<LeaderCrashTrial.Result> results) {
    List<Double> downtimes = new ArrayList<>();
    int beyondCap = 0;
    int noLeader = 0;
    int logsDiffered = 0;
    for (LeaderCrashTrial.Result result : results) {
      switch (result.outcome()) {
        case ELECTED -> downtimes.add(result.downtimeNanos() / 1e6);
        case BEYOND_CAP -> beyondCap++;
        case NO_LEADER -> noLeader++;
      }
      if (result.logsDiffered()) {
        logsDiffered++;
      }
    }
    downtimes.sort(Double::compare);
    return new ElectionCdf(line, downtimes, beyondCap, noLeader, logsDiffered);
  }

  private static String csvLine(ElectionTimeouts line, LeaderCrashTrial.Result result) {
    boolean crashed = result.outcome() != LeaderCrashTrial.Outcome.NO_LEADER;
    return String.join(
        ",",
        line.label(),
        line.panel(),
        Long.toString(result.seed()),
        result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        result.outcome() == LeaderCrashTrial.Outcome.ELECTED
            ? millis(result.downtimeNanos() / 1e6)
            : "",
        result.leader(),
        crashed ? millis(result.crashAtNanos() / 1e6) : "",
        String.join(" ", result.lagging()),
        Boolean.toString(result.logsDiffered()));
  }

  /** The table's header; one {@link #markdown(ElectionCdf)} line per line of the figure follows. */
  public static final String MARKDOWN_HEADER =
      "| timeouts | trials | median | mean | p90 | p99 | max | beyond 30 s | logs differed"
          + " | the paper says |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|---|";

  public static String markdown(ElectionCdf cdf) {
    return "| "
        + cdf.timeouts().label()
        + " | "
        + cdf.trials()
        + " | "
        + ms(cdf.quantileMillis(0.5))
        + " | "
        + ms(cdf.meanMillis())
        + " | "
        + ms(cdf.quantileMillis(0.9))
        + " | "
        + ms(cdf.quantileMillis(0.99))
        + " | "
        + ms(cdf.maxMillis())
        + " | "
        + cdf.beyondCap()
        + " | "
        + percent(cdf.logsDiffered(), cdf.trials())
        + " | "
        + PAPER.getOrDefault(cdf.timeouts().label(), "")
        + " |";
  }

  private static String ms(double millis) {
    if (Double.isInfinite(millis)) {
      return "> 30 s";
    }
    if (Double.isNaN(millis)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }

  private static String millis(double millis) {
    return String.format(Locale.ROOT, "%.1f", millis);
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
  }
}
