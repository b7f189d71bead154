package faultline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH result file ({@code -rf json}) as one Markdown table: per benchmark and parameter
 * set, the median of the measured iterations with their min-max, the allocation per operation from
 * the GC profiler, and any counters, under a header with the date, the machine, the JDK and the
 * forks' flags. {@code benchmarks/run raft} and {@code benchmarks/run checker} print theirs with
 * it.
 *
 * <pre>java -cp benchmarks.jar faultline.benchmarks.JmhTable result.json "Title"</pre>
 */
public final class JmhTable {
  private static final String ALLOCATION = "gc.alloc.rate.norm";

  private JmhTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: JmhTable <jmh-result.json> <title>");
      System.exit(2);
      return;
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    print(System.out, args[1], results);
  }

  static void print(PrintStream out, String title, JsonNode results) {
    out.println();
    out.println("### " + title + ", " + LocalDate.now(ZoneOffset.UTC) + " (UTC)");
    out.println();
    out.println("- machine: " + SuiteReport.machine());
    if (!results.isEmpty()) {
      JsonNode first = results.get(0);
      List<String> flags = new ArrayList<>();
      first.path("jvmArgs").forEach(flag -> flags.add(flag.asText()));
      out.println(
          "- JDK: "
              + first.path("vmName").asText()
              + " "
              + first.path("jdkVersion").asText()
              + " ("
              + first.path("vmVersion").asText()
              + "), forked with "
              + String.join(" ", flags));
      out.printf(
          Locale.ROOT,
          "- JMH %s: %d fork(s), %d warm-up + %d measured iterations, mode %s%n",
          first.path("jmhVersion").asText(),
          first.path("forks").asInt(),
          first.path("warmupIterations").asInt(),
          first.path("measurementIterations").asInt(),
          first.path("mode").asText());
    }
    out.println();
    out.println("| benchmark | parameters | median | min–max | unit | alloc B/op | counters |");
    out.println("|---|---|--:|--:|---|--:|---|");
    for (JsonNode result : results) {
      JsonNode primary = result.path("primaryMetric");
      List<Double> scores = raw(primary);
      JsonNode secondary = result.path("secondaryMetrics");
      List<String> counters = new ArrayList<>();
      for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
        if (!metric.getKey().startsWith("gc.")) {
          counters.add(metric.getKey() + " " + number(SuiteReport.median(raw(metric.getValue()))));
        }
      }
      List<String> params = new ArrayList<>();
      for (Map.Entry<String, JsonNode> param : result.path("params").properties()) {
        params.add(param.getKey() + "=" + param.getValue().asText());
      }
      String benchmark = result.path("benchmark").asText();
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s–%s | %s | %s | %s |%n",
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
          String.join(", ", params),
          number(SuiteReport.median(scores)),
          number(scores.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)),
          number(scores.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)),
          primary.path("scoreUnit").asText(),
          secondary.has(ALLOCATION)
              ? number(SuiteReport.median(raw(secondary.path(ALLOCATION))))
              : "",
          String.join(", ", counters));
    }
  }

  /** Every measured iteration of every fork. */
  private static List<Double> raw(JsonNode metric) {
    List<Double> values = new ArrayList<>();
    for (JsonNode fork : metric.path("rawData")) {
      fork.forEach(value -> values.add(value.asDouble()));
    }
    return values;
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 1000 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
