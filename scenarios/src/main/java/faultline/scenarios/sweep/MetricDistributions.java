package faultline.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.check.Percentiles;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every metric's values across a sweep's seeds, and their distribution as the summary prints it:
 * how many seeds reported the metric, and the nearest-rank p50, p90, p99 and maximum ({@link
 * Percentiles}, the statistic every protocol's own latency metrics use). Metrics are listed by
 * name, so the summary is the same for any order the seeds finish in.
 */
public final class MetricDistributions {
  private static final int[] PERCENTILES = {50, 90, 99};

  private final TreeMap<String, List<Long>> values = new TreeMap<>();

  /** Adds one seed's metrics, an object of name to whole number. */
  public void add(JsonNode metrics) {
    if (metrics == null) {
      return;
    }
    metrics
        .fields()
        .forEachRemaining(
            metric -> {
              if (metric.getValue().canConvertToLong()) {
                values
                    .computeIfAbsent(metric.getKey(), name -> new ArrayList<>())
                    .add(metric.getValue().asLong());
              }
            });
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** One row per metric: its name, seeds, p50, p90, p99 and max, times as times. */
  public void print(PrintWriter out, int seeds) {
    if (values.isEmpty()) {
      return;
    }
    int width =
        Math.max(
            "metric".length(), values.keySet().stream().mapToInt(String::length).max().orElse(0));
    out.printf(
        Locale.ROOT,
        "  metrics across %d seeds (nearest-rank percentiles of the seeds that report each):%n",
        seeds);
    out.printf(
        Locale.ROOT,
        "    %-" + width + "s %7s %11s %11s %11s %11s%n",
        "metric",
        "seeds",
        "p50",
        "p90",
        "p99",
        "max");
    for (Map.Entry<String, List<Long>> metric : values.entrySet()) {
      List<Long> sorted = new ArrayList<>(metric.getValue());
      sorted.sort(null);
      boolean time = metric.getKey().endsWith("Nanos");
      StringBuilder row = new StringBuilder();
      for (int percentile : PERCENTILES) {
        row.append(
            String.format(
                Locale.ROOT, " %11s", value(Percentiles.nearestRank(sorted, percentile), time)));
      }
      row.append(String.format(Locale.ROOT, " %11s", value(sorted.getLast(), time)));
      out.printf(Locale.ROOT, "    %-" + width + "s %7d%s%n", metric.getKey(), sorted.size(), row);
    }
  }

  /** The nearest-rank {@code percentile} of {@code metric}'s values, or null when none. */
  public Long percentile(String metric, int percentile) {
    List<Long> list = values.get(metric);
    if (list == null) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(list);
    sorted.sort(null);
    return Percentiles.nearestRank(sorted, percentile);
  }

  static String value(long value, boolean time) {
    return time ? time(value) : String.format(Locale.ROOT, "%,d", value);
  }

  /** {@code 12.3 ms}, {@code 1.204 s}, {@code 850 ns}: a time in the unit that reads best. */
  public static String time(long nanos) {
    long magnitude = Math.abs(nanos);
    if (magnitude >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
    if (magnitude >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    if (magnitude >= 1_000L) {
      return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }
    return nanos + " ns";
  }
}
