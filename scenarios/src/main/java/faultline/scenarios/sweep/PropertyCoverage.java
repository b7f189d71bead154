package faultline.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sweep's coverage of the protocol's properties: for each sometimes property, on how many seeds
 * it was reached (a property no seed reached marks a path the fault mix never drove the protocol
 * down); for each eventually property, on how many it held, failed, or was not judged. Counted from
 * the result lines, so a merged sweep reports the same as the unsharded one.
 */
public final class PropertyCoverage {
  private final TreeMap<String, int[]> sometimes = new TreeMap<>(); // {seeds, reached}
  private final TreeMap<String, int[]> eventually = new TreeMap<>(); // {held, failed, not judged}

  /** Counts one seed's line: its {@code sometimes} and {@code eventually} objects, either null. */
  public void add(JsonNode reached, JsonNode judged) {
    if (reached != null) {
      reached
          .properties()
          .forEach(
              entry -> {
                int[] counts = sometimes.computeIfAbsent(entry.getKey(), name -> new int[2]);
                counts[0]++;
                counts[1] += entry.getValue().asBoolean() ? 1 : 0;
              });
    }
    if (judged != null) {
      judged
          .properties()
          .forEach(
              entry -> {
                int[] counts = eventually.computeIfAbsent(entry.getKey(), name -> new int[3]);
                switch (entry.getValue().asText()) {
                  case "held" -> counts[0]++;
                  case "failed" -> counts[1]++;
                  default -> counts[2]++;
                }
              });
    }
  }

  /** Seeds that reached {@code property}, of those that declared it: {seeds, reached}. */
  public int[] sometimes(String property) {
    return sometimes.getOrDefault(property, new int[2]).clone();
  }

  /** {held, failed, not judged} for {@code property}. */
  public int[] eventually(String property) {
    return eventually.getOrDefault(property, new int[3]).clone();
  }

  /** The sometimes properties that no seed reached, sorted. */
  public java.util.List<String> neverReached() {
    return sometimes.entrySet().stream()
        .filter(entry -> entry.getValue()[1] == 0)
        .map(Map.Entry::getKey)
        .toList();
  }

  public void print(PrintWriter out) {
    if (!sometimes.isEmpty()) {
      out.println("  sometimes properties (seeds that reached each):");
      for (Map.Entry<String, int[]> entry : sometimes.entrySet()) {
        int[] counts = entry.getValue();
        out.printf(
            Locale.ROOT,
            "    %6d of %-6d %s%s%n",
            counts[1],
            counts[0],
            entry.getKey(),
            counts[1] == 0 ? "  NEVER REACHED: the faults never drove a run down this path" : "");
      }
    }
    if (!eventually.isEmpty()) {
      out.println("  eventually properties (held / failed / not judged):");
      for (Map.Entry<String, int[]> entry : eventually.entrySet()) {
        int[] counts = entry.getValue();
        out.printf(
            Locale.ROOT,
            "    %6d / %d / %d  %s%n",
            counts[0],
            counts[1],
            counts[2],
            entry.getKey());
      }
    }
  }
}
