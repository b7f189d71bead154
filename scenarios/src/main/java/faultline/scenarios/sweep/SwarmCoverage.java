package faultline.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
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
  // Per sometimes property, whether each seed (in configs order) reached it; null when not
  // declared.
  private final TreeMap<String, List<Boolean>> reached = new TreeMap<>();

  public void add(SwarmConfig config, boolean failedRun, long seed) {
    add(config, failedRun, seed, null);
  }

  /** Counts a seed, with its sometimes properties (name to reached) when it has any. */
  public void add(SwarmConfig config, boolean failedRun, long seed, JsonNode sometimes) {
    int index = configs.size();
    if (sometimes != null) {
      sometimes
          .properties()
          .forEach(
              property -> {
                List<Boolean> seeds =
                    reached.computeIfAbsent(property.getKey(), name -> new ArrayList<>());
                while (seeds.size() < index) {
                  seeds.add(null);
                }
                seeds.add(property.getValue().asBoolean());
              });
    }
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

  /**
   * Of the seeds that declared {@code property}: {kept and reached, kept, left out and reached,
   * left out} for {@code feature}.
   */
  public int[] reached(String property, String feature) {
    int[] counts = new int[4];
    List<Boolean> seeds = reached.getOrDefault(property, List.of());
    for (int i = 0; i < seeds.size(); i++) {
      Boolean hit = seeds.get(i);
      if (hit != null) {
        int column = configs.get(i).enables(feature) ? 0 : 2;
        counts[column] += hit ? 1 : 0;
        counts[column + 1]++;
      }
    }
    return counts;
  }

  /** Per sometimes property, how often it was reached with each feature kept and left out. */
  private void printReached(PrintWriter out) {
    if (reached.isEmpty()) {
      return;
    }
    out.println(
        "  sometimes properties by feature (seeds that reached it / seeds, kept and left out):");
    for (String property : reached.keySet()) {
      out.printf(Locale.ROOT, "    %s%n", property);
      out.printf(Locale.ROOT, "      %-12s %6s %10s%n", "feature", "kept", "left out");
      for (String feature : features) {
        int[] counts = reached(property, feature);
        out.printf(
            Locale.ROOT,
            "      %-12s %6s %10s%n",
            feature,
            counts[0] + "/" + counts[1],
            counts[2] + "/" + counts[3]);
      }
    }
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
    printReached(out);
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
