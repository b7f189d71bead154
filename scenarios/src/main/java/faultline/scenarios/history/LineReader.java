package faultline.scenarios.history;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.history.Model;
import faultline.scenarios.history.HistoryParser.Located;
import faultline.scenarios.parse.Messages;
import faultline.scenarios.parse.ScenarioException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Typed, located reads of the fields of one history line. */
final class LineReader {
  private static final List<String> TYPES = List.of("invoke", "ok", "fail", "info");

  private final String file;
  private final int line;
  private final Map<String, Located> fields;

  LineReader(String file, int line, Map<String, Located> fields) {
    this.file = file;
    this.line = line;
    this.fields = fields;
  }

  ScenarioException error(String field, String reason) {
    Located located = fields.get(field);
    int column = located == null ? 1 : located.valueColumn();
    return new ScenarioException(file, line, column, field, Messages.oneLine(reason));
  }

  ScenarioException nameError(String field, String reason) {
    return new ScenarioException(
        file, line, fields.get(field).nameColumn(), Text.field(field), Messages.oneLine(reason));
  }

  private JsonNode required(String field) {
    Located located = fields.get(field);
    if (located == null) {
      throw new ScenarioException(file, line, 1, field, "missing; every history event needs it");
    }
    return located.value();
  }

  int process() {
    JsonNode node = required("process");
    if (!node.isIntegralNumber()
        || node.bigIntegerValue().signum() < 0
        || node.bigIntegerValue().compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      throw error("process", "expected a process number from 0 to 2147483647, got " + show(node));
    }
    return node.intValue();
  }

  HistoryEvent.Type type() {
    JsonNode node = required("type");
    if (!node.isTextual() || !TYPES.contains(node.textValue())) {
      throw error("type", "expected one of " + TYPES + ", got " + show(node));
    }
    return HistoryEvent.Type.valueOf(node.textValue().toUpperCase(Locale.ROOT));
  }

  String function(Model model) {
    JsonNode node = required("f");
    if (!node.isTextual() || !model.functions().contains(node.textValue())) {
      throw error(
          "f",
          "expected one of the "
              + model.name()
              + " model's operations "
              + model.functions()
              + ", got "
              + show(node));
    }
    return node.textValue();
  }

  /** The key, or null when absent (a history of one register). */
  String key() {
    Located located = fields.get("key");
    if (located == null || located.value().isNull()) {
      return null;
    }
    JsonNode node = located.value();
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString(); // Jepsen often numbers its keys.
    }
    throw error("key", "expected a string or an integer, got " + show(node));
  }

  /** Nanoseconds of true time, for reports; 0 when absent. */
  long time() {
    Located located = fields.get("time");
    if (located == null) {
      return 0;
    }
    JsonNode node = located.value();
    if (!node.isIntegralNumber() || node.bigIntegerValue().bitLength() > 63) {
      throw error("time", "expected an integer number of nanoseconds, got " + show(node));
    }
    return node.longValue();
  }

  /** The argument of an invocation: nothing for a read, a value for a write, a pair for a cas. */
  Object invokeValue(Model model, String f) {
    return switch (f) {
      case "read", "get" -> {
        Located located = fields.get("value");
        if (located != null && !located.value().isNull()) {
          throw error(
              "value",
              "a " + f + " is invoked without a value (null), got " + show(located.value()));
        }
        yield null;
      }
      case "cas" -> pair(model);
      default -> scalar(model, "value", required("value"));
    };
  }

  /** The result of a completion: what a read returned; for the others, the invoked argument. */
  Object completionValue(Model model, String f, HistoryEvent.Type type, Object invoked) {
    Located located = fields.get("value");
    boolean query = f.equals("read") || f.equals("get");
    if (query) {
      if (type != HistoryEvent.Type.OK) {
        return null; // What an unanswered or failed read saw does not matter.
      }
      if (located == null) {
        throw error("value", "missing; an ok " + f + " gives the value it returned");
      }
      return scalar(model, "value", located.value());
    }
    if (located != null && !located.value().isNull()) {
      Object given = f.equals("cas") ? pair(model) : scalar(model, "value", located.value());
      if (!Objects.equals(given, invoked)) {
        throw error(
            "value",
            "the "
                + f
                + " was invoked with "
                + show(invoked)
                + " but completes with "
                + show(given));
      }
    }
    return invoked;
  }

  private Object pair(Model model) {
    JsonNode node = required("value");
    if (!node.isArray() || node.size() != 2) {
      throw error("value", "a cas takes [expected, new], got " + show(node));
    }
    return Arrays.asList(scalar(model, "value", node.get(0)), scalar(model, "value", node.get(1)));
  }

  /** A register holds integers, strings or null; a kv cell holds strings. */
  private Object scalar(Model model, String field, JsonNode node) {
    boolean kv = model.name().equals("kv");
    if (node.isTextual()) {
      return node.textValue();
    }
    if (!kv && node.isNull()) {
      return null;
    }
    if (!kv && node.isIntegralNumber()) {
      if (node.bigIntegerValue().bitLength() > 63) {
        throw error(field, node.bigIntegerValue() + " does not fit in a signed 64-bit integer");
      }
      return node.longValue();
    }
    throw error(
        field,
        (kv ? "kv values are strings" : "register values are integers, strings or null")
            + ", got "
            + show(node));
  }

  private static String show(Object value) {
    if (value instanceof JsonNode node) {
      return switch (node.getNodeType()) {
        case STRING -> Messages.quote(node.textValue());
        case NUMBER -> node.isIntegralNumber() ? "the integer " + node : "the number " + node;
        case BOOLEAN -> node.toString();
        case NULL -> "null";
        case ARRAY -> "an array of " + node.size();
        case OBJECT -> "an object";
        default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
      };
    }
    if (value instanceof String text) {
      return Messages.quote(text);
    }
    return String.valueOf(value);
  }
}
