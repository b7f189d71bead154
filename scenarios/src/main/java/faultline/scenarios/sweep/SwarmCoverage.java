package faultline.scenarios.sweep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a swarm sweep covered: for every feature (a fault kind, a network behaviour), on how many
 * seeds it was kept and on how many of those the run failed, the same for the seeds that left it
 * out, and which configurations failed. A feature that fails only when kept points at what the bug
 * needs; one that fails only when left out, at what hides it.
 */
public final class SwarmCoverage {
  private static final int CONFIGURATIONS_LISTED_MAX = 20;
  private static final int SEEDS_LISTED_MAX = 5;

  private final List<SwarmConfig> configs = new ArrayList<>();
  private final List<Boolean> failed = new ArrayList<>();
  private final TreeMap<String, List<Long>> failingConfigurations = new TreeMap<>();
  private final TreeSet<String> features = new TreeSet<>();

  public void add(SwarmConfig config, boolean failedRun, long seed) {
    configs.add(config);
    failed.add(failedRun);
    features.addAll(config.kinds());
    features.addAll(config.network());
    if (failedRun) {
      failingConfigurations.computeIfAbsent(config.label(), label -> new ArrayList<>()).add(seed);
    }
  }

  public boolean isEmpty() {
    return configs.isEmpty();
  }

  /** Seeds that kept {@code feature}, and how many of them failed: {seeds, failed}. */
  public int[] kept(String feature) {
    return count(feature, true);
  }

  /** Seeds that left {@code feature} out, and how many of them failed: {seeds, failed}. */
  public int[] leftOut(String feature) {
    return count(feature, false);
  }

  private int[] count(String feature, boolean kept) {
    int seeds = 0;
    int failures = 0;
    for (int i = 0; i < configs.size(); i++) {
      if (configs.get(i).enables(feature) == kept) {
        seeds++;
        failures += failed.get(i) ? 1 : 0;
      }
    }
    return new int[] {seeds, failures};
  }

  public void print(PrintWriter out) {
    if (configs.isEmpty()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "  swarm: every seed kept each fault kind and network behaviour with probability 1/2%n");
    out.printf(
        Locale.ROOT,
        "    %-12s %10s %8s %10s %8s%n",
        "feature",
        "kept",
        "failed",
        "left out",
        "failed");
    for (String feature : features) {
      int[] on = kept(feature);
      int[] off = leftOut(feature);
      out.printf(
          Locale.ROOT, "    %-12s %10d %8d %10d %8d%n", feature, on[0], on[1], off[0], off[1]);
    }
    if (failingConfigurations.isEmpty()) {
      return;
    }
    out.println("  failing configurations (fault kinds | network: seeds):");
    int listed = 0;
    for (Map.Entry<String, List<Long>> configuration : failingConfigurations.entrySet()) {
      if (listed++ == CONFIGURATIONS_LISTED_MAX) {
        out.printf(
            Locale.ROOT,
            "    ... and %d more (the \"swarm\" of every failing line)%n",
            failingConfigurations.size() - CONFIGURATIONS_LISTED_MAX);
        break;
      }
      List<Long> seeds = configuration.getValue();
      List<String> shown =
          seeds.subList(0, Math.min(seeds.size(), SEEDS_LISTED_MAX)).stream()
              .map(String::valueOf)
              .toList();
      out.printf(
          Locale.ROOT,
          "    %s: %d (seed%s %s%s)%n",
          configuration.getKey(),
          seeds.size(),
          seeds.size() == 1 ? "" : "s",
          String.join(", ", shown),
          seeds.size() > SEEDS_LISTED_MAX ? ", ..." : "");
    }
  }
}
