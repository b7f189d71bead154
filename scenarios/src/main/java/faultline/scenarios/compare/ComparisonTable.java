package faultline.scenarios.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A comparison as a reader sees it: one row per figure, one column per scenario, as text (aligned,
 * or a Markdown table for a README) or as one JSON object.
 */
public final class ComparisonTable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A row: its label, its JSON key and how a column gives its value (ABSENT for none). */
  private record Row(String label, String key, Function<ComparisonColumn, Long> value, Unit unit) {}

  private enum Unit {
    COUNT,
    MILLIS
  }

  private static final List<Row> ROWS =
      List.of(
          new Row("seeds", "seeds", c -> (long) c.seeds(), Unit.COUNT),
          new Row(
              "same faults as the first",
              "sameFaultsAsFirst",
              c -> (long) c.sameFaultsAsFirst(),
              Unit.COUNT),
          new Row("seeds with violations", "failedSeeds", c -> (long) c.failedSeeds(), Unit.COUNT),
          new Row(
              "inconclusive seeds",
              "inconclusiveSeeds",
              c -> (long) c.inconclusiveSeeds(),
              Unit.COUNT),
          median("faults per run", "faultsMedian", RunFigures::faults, Unit.COUNT),
          median("client ops ok per run", "clientOkMedian", RunFigures::clientOk, Unit.COUNT),
          median("commits per run", "commitsMedian", RunFigures::commits, Unit.COUNT),
          median(
              "commit latency p50",
              "commitLatencyP50NanosMedian",
              RunFigures::commitLatencyP50Nanos,
              Unit.MILLIS),
          median(
              "commit latency p99",
              "commitLatencyP99NanosMedian",
              RunFigures::commitLatencyP99Nanos,
              Unit.MILLIS),
          median(
              "leader changes per run",
              "leaderChangesMedian",
              RunFigures::leaderChanges,
              Unit.COUNT),
          median(
              "time without a leader",
              "leaderlessNanosMedian",
              RunFigures::leaderlessNanos,
              Unit.MILLIS),
          new Row(
              "time without a leader, p99 run",
              "leaderlessNanosP99",
              c -> c.percentile(RunFigures::leaderlessNanos, 99),
              Unit.MILLIS));

  private static Row median(
      String label, String key, ToLongFunction<RunFigures> figure, Unit unit) {
    return new Row(label + " (median)", key, c -> c.median(figure), unit);
  }

  private final List<ComparisonColumn> columns;

  public ComparisonTable(List<ComparisonColumn> columns) {
    this.columns = List.copyOf(columns);
  }

  /** The table as aligned text; {@code markdown} gives a Markdown table instead. */
  public void print(PrintWriter out, boolean markdown) {
    List<List<String>> lines = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add("");
    columns.forEach(column -> header.add(column.scenario()));
    lines.add(header);
    for (Row row : ROWS) {
      List<String> line = new ArrayList<>();
      line.add(row.label());
      columns.forEach(column -> line.add(format(row.value().apply(column), row.unit())));
      lines.add(line);
    }
    if (markdown) {
      printMarkdown(out, lines);
    } else {
      printAligned(out, lines);
    }
    out.flush();
  }

  /** The table as one JSON object: {@code {"columns": [{"scenario", <key>: value, ...}]}}. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("columns");
    for (ComparisonColumn column : columns) {
      ObjectNode node = array.addObject();
      node.put("scenario", column.scenario());
      for (Row row : ROWS) {
        long value = row.value().apply(column);
        if (value == RunFigures.ABSENT) {
          node.putNull(row.key());
        } else {
          node.put(row.key(), value);
        }
      }
    }
    return root.toString();
  }

  private static String format(long value, Unit unit) {
    if (value == RunFigures.ABSENT) {
      return "-";
    }
    return switch (unit) {
      case COUNT -> String.format(Locale.ROOT, "%,d", value);
      case MILLIS -> String.format(Locale.ROOT, "%,.1f ms", value / 1e6);
    };
  }

  private static void printAligned(PrintWriter out, List<List<String>> lines) {
    int[] widths = new int[lines.getFirst().size()];
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : lines) {
      StringBuilder text = new StringBuilder(String.format("%-" + widths[0] + "s", line.get(0)));
      for (int i = 1; i < line.size(); i++) {
        text.append("  ").append(String.format("%" + widths[i] + "s", line.get(i)));
      }
      out.println(text.toString().stripTrailing());
    }
  }

  private static void printMarkdown(PrintWriter out, List<List<String>> lines) {
    for (int i = 0; i < lines.size(); i++) {
      List<String> line = lines.get(i);
      out.println("| " + String.join(" | ", line) + " |");
      if (i == 0) {
        out.println("|---" + "|---:".repeat(line.size() - 1) + "|");
      }
    }
  }
}
