package faultline.scenarios.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.protocols.history.CheckResult;
import faultline.protocols.history.Model;
import faultline.protocols.history.Operation;
import faultline.scenarios.history.ParsedHistory;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code check} prints: a report for people, or one JSON object for tools. */
final class CheckReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The human report lists at most this many prefix operations, the last ones. */
  private static final int PREFIX_SHOWN_MAX = 20;

  private static final Pattern EVENT = Pattern.compile("event (\\d+)");

  private CheckReport() {}

  static String human(ParsedHistory history, Model model, CheckResult result, long elapsedNanos) {
    StringBuilder text = new StringBuilder(history.file()).append(": ");
    String searched =
        result.statesExplored()
            + (result.statesExplored() == 1 ? " state" : " states")
            + " searched in "
            + Text.duration(elapsedNanos);
    switch (result.verdict()) {
      case LINEARIZABLE ->
          text.append("linearizable (")
              .append(model.name())
              .append(" model, ")
              .append(history.events().size())
              .append(" events; ")
              .append(searched)
              .append(")\n");
      case NOT_LINEARIZABLE -> {
        text.append("NOT linearizable (").append(model.name()).append(" model");
        if (result.key() != null) {
          text.append(", key ").append(quote(result.key()));
        }
        text.append("; ").append(searched).append(")\n\n");
        text.append(Text.wrap(inLines(result.explanation(), history), 100, "")).append("\n\n");
        text.append("Cannot be placed after that prefix:\n");
        result.unplaceable().forEach(operation -> text.append(row(operation, history, "  ")));
        appendPrefix(text, result.longestPrefix(), history);
      }
      case UNKNOWN ->
          text.append("UNDECIDED (")
              .append(model.name())
              .append(" model; ")
              .append(searched)
              .append(")\n\n")
              .append(Text.wrap(result.explanation(), 100, ""))
              .append('\n');
    }
    return text.toString();
  }

  private static void appendPrefix(
      StringBuilder text, List<Operation> prefix, ParsedHistory history) {
    text.append("\nLongest linearizable prefix found (")
        .append(prefix.size())
        .append(prefix.size() == 1 ? " operation" : " operations")
        .append("), in the order they take effect:\n");
    int first = Math.max(0, prefix.size() - PREFIX_SHOWN_MAX);
    if (first > 0) {
      text.append("  ... ").append(first).append(" earlier operations (--json lists them all)\n");
    }
    for (int i = first; i < prefix.size(); i++) {
      text.append(row(prefix.get(i), history, String.format(Locale.ROOT, "  %4d. ", i + 1)));
    }
  }

  /** One operation: process, f, key, value, and the lines it came from. */
  private static String row(Operation operation, ParsedHistory history, String lead) {
    String lines =
        operation.completed()
            ? "lines "
                + history.lineOf(operation.invokeIndex())
                + "-"
                + history.lineOf(operation.completeIndex())
            : "line " + history.lineOf(operation.invokeIndex()) + ", outcome unknown";
    return String.format(
        Locale.ROOT,
        "%sprocess %-4d %-6s %-8s %-16s (%s)%n",
        lead,
        operation.process(),
        operation.f(),
        operation.key() == null ? "-" : quote(operation.key()),
        value(operation),
        lines);
  }

  private static String value(Operation operation) {
    boolean query = operation.f().equals("read") || operation.f().equals("get");
    if (query) {
      return operation.completed() ? "-> " + show(operation.output()) : "-> ?";
    }
    return show(operation.input());
  }

  private static String show(Object value) {
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof List<?> list) {
      return "[" + show(list.get(0)) + ", " + show(list.get(1)) + "]";
    }
    return String.valueOf(value);
  }

  private static String quote(String text) {
    return JSON.getNodeFactory().textNode(text).toString();
  }

  /** The checker counts events; a file's reader counts lines. */
  private static String inLines(String explanation, ParsedHistory history) {
    Matcher matcher = EVENT.matcher(explanation);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      int line = history.lineOf(Integer.parseInt(matcher.group(1)) - 1);
      matcher.appendReplacement(result, "line " + line);
    }
    return matcher.appendTail(result).toString();
  }

  static String json(ParsedHistory history, Model model, CheckResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("file", history.file());
    root.put("model", model.name());
    root.put("events", history.events().size());
    root.put(
        "verdict",
        switch (result.verdict()) {
          case LINEARIZABLE -> "linearizable";
          case NOT_LINEARIZABLE -> "not-linearizable";
          case UNKNOWN -> "unknown";
        });
    root.put("linearizable", result.isLinearizable());
    if (result.key() != null) {
      root.put("key", result.key());
    } else {
      root.putNull("key");
    }
    root.put("statesExplored", result.statesExplored());
    root.put("explanation", inLines(result.explanation(), history));
    root.set("unplaceable", operations(result.unplaceable(), history));
    root.set("longestPrefix", operations(result.longestPrefix(), history));
    return root.toString();
  }

  private static ArrayNode operations(List<Operation> operations, ParsedHistory history) {
    ArrayNode array = JSON.createArrayNode();
    for (Operation operation : operations) {
      ObjectNode node = array.addObject();
      node.put("process", operation.process());
      node.put("f", operation.f());
      if (operation.key() == null) {
        node.putNull("key");
      } else {
        node.put("key", operation.key());
      }
      node.set("value", JSON.valueToTree(operation.input()));
      node.set("output", JSON.valueToTree(operation.output()));
      node.put("completed", operation.completed());
      node.put("invokeLine", history.lineOf(operation.invokeIndex()));
      if (operation.completed()) {
        node.put("completeLine", history.lineOf(operation.completeIndex()));
      } else {
        node.putNull("completeLine");
      }
    }
    return array;
  }
}
