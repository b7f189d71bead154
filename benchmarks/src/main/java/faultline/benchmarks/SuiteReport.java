package faultline.benchmarks;

import faultline.benchmarks.BenchSuite.Row;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Prints the suite's results as Markdown: the setup, one table, and the ratios to the best peer.
 */
final class SuiteReport {
  private final PrintStream out;
  private final SuiteOptions options;
  private final List<String> jvmFlags;

  SuiteReport(PrintStream out, SuiteOptions options, List<String> jvmFlags) {
    this.out = out;
    this.options = options;
    this.jvmFlags = jvmFlags;
  }

  void print(List<Row> rows) {
    out.println();
    out.println("### Hold model, " + LocalDate.now(ZoneOffset.UTC) + " (UTC)");
    out.println();
    out.println("- machine: " + machine());
    out.println(
        "- JDK: "
            + System.getProperty("java.vm.vendor")
            + " "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + ", forked with "
            + String.join(" ", jvmFlags)
            + " (GC: "
            + garbageCollector()
            + ")");
    out.println(
        String.format(
            Locale.ROOT,
            "- JMH 1.37: %d fork(s), %d warm-up + %d measured iterations of 1 s, average time;"
                + " each fork fills the queue and runs P holds before measuring",
            options.forks(),
            options.warmups(),
            options.iterations()));
    out.println();
    out.println(
        "| engine | P | ns/hold median | min–max | holds/s (median) | bytes/pending"
            + " | alloc B/hold |");
    out.println("|---|--:|--:|--:|--:|--:|--:|");
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt(Row::pending).thenComparing(r -> median(r) * 1.0));
    for (Row row : sorted) {
      out.println(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.1f | %.1f–%.1f | %s | %.1f | %s |",
              row.engine(),
              row.pending(),
              median(row),
              min(row.nanosPerHold()),
              max(row.nanosPerHold()),
              millions(1e9 / median(row)),
              row.bytesPerPending(),
              row.allocatedBytesPerHold().isEmpty()
                  ? "–"
                  : String.format(Locale.ROOT, "%.1f", median(row.allocatedBytesPerHold()))));
    }
    out.println();
    printRatios(rows);
  }

  /** The CPU-time cross-check of one size, as one line. */
  void printCpuTimeCheck(int pending, Map<String, Double> nanosPerHold) {
    if (!cpuCheckHeaderPrinted) {
      cpuCheckHeaderPrinted = true;
      out.println();
      out.println(
          "Cross-check by thread CPU time (engines take turns in one JVM; best of "
              + BenchSuite.CPU_CHECK_ROUNDS
              + " rounds of "
              + String.format(Locale.ROOT, "%,d", BenchSuite.CPU_CHECK_HOLDS_PER_ROUND)
              + " holds; waiting for a core is not counted):");
      out.println();
    }
    double faultline = nanosPerHold.getOrDefault("faultline", Double.NaN);
    String bestPeer = null;
    for (Map.Entry<String, Double> entry : nanosPerHold.entrySet()) {
      if (!entry.getKey().equals("faultline")
          && (bestPeer == null || entry.getValue() < nanosPerHold.get(bestPeer))) {
        bestPeer = entry.getKey();
      }
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "- P = %,d:", pending));
    nanosPerHold.forEach(
        (engine, nanos) -> line.append(String.format(Locale.ROOT, " %s %.1f ns,", engine, nanos)));
    line.setLength(line.length() - 1);
    if (bestPeer != null && !Double.isNaN(faultline)) {
      line.append(
          String.format(
              Locale.ROOT,
              "; faultline is %.2fx %s",
              nanosPerHold.get(bestPeer) / faultline,
              bestPeer));
    }
    out.println(line);
  }

  private boolean cpuCheckHeaderPrinted;

  private void printRatios(List<Row> rows) {
    for (int pending : new TreeSet<>(rows.stream().map(Row::pending).toList())) {
      Row faultline = null;
      Row bestPeer = null;
      for (Row row : rows) {
        if (row.pending() != pending) {
          continue;
        }
        if (row.engine().equals("faultline")) {
          faultline = row;
        } else if (bestPeer == null || median(row) < median(bestPeer)) {
          bestPeer = row;
        }
      }
      if (faultline != null && bestPeer != null) {
        out.println(
            String.format(
                Locale.ROOT,
                "- P = %,d: faultline is %.2fx the best peer (%s), by medians from this run",
                pending,
                median(bestPeer) / median(faultline),
                bestPeer.engine()));
      }
    }
  }

  static String machine() {
    int cores = Runtime.getRuntime().availableProcessors();
    String cpu = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: the core count alone still says something.
    }
    return cores + " cores (nproc), " + cpu + ", " + System.getProperty("os.name");
  }

  private static String garbageCollector() {
    return String.join(
        "+",
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(bean -> bean.getName())
            .toList());
  }

  private static String millions(double perSecond) {
    return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
  }

  private static double median(Row row) {
    return median(row.nanosPerHold());
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
