package faultline.engine.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.lookup.LookupSet;
import faultline.engine.trace.TraceEvent.At;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a {@code faultline-trace} back into {@link TraceHeader}, {@link TraceEvent}
 * and {@link TraceEnd}: the reading half of the codec whose writing half is {@link TraceWriter}.
 * Strict: a line of a known event type with a field missing, of the wrong kind, or one the type
 * does not have, is a {@link MalformedTraceException} naming the field; an unknown type is a
 * protocol's record.
 */
public final class TraceLines {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COMMON = List.of("seq", "t", "type", "node", "wall", "mono");

  private TraceLines() {}

  /** The line's JSON object; throws naming the column where it stops being one. */
  public static ObjectNode object(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject()) {
        throw new MalformedTraceException("", "not a JSON object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
      throw new MalformedTraceException(
          "", column, "not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** True when the line's object is an end line. */
  public static boolean isEnd(ObjectNode line) {
    return "end".equals(line.path("type").textValue());
  }

  /**
   * The format version of a header line, checked first, since it decides how the rest is read: a
   * line that is no {@code faultline-trace} header, or a version that is no positive integer, is
   * refused; a version too large for a long is newer than any this build reads.
   */
  public static long version(ObjectNode line) {
    if (!"header".equals(line.path("type").textValue())
        || !TraceFormat.FORMAT_NAME.equals(line.path("format").textValue())) {
      throw new MalformedTraceException(
          "format", "not a faultline trace (the first line is no faultline-trace header)");
    }
    JsonNode version = line.get("version");
    if (version == null || !version.isIntegralNumber()) {
      throw new MalformedTraceException("version", "the header has no format version");
    }
    if (version.bigIntegerValue().signum() <= 0) {
      throw new MalformedTraceException(
          "version", "unknown trace format version " + version.asText());
    }
    if (!version.canConvertToLong()) {
      throw new MalformedTraceException(
          "version",
          "trace format version "
              + version.asText()
              + " is newer than this faultline understands ("
              + TraceFormat.VERSION
              + "); upgrade faultline to read it");
    }
    return version.longValue();
  }

  /** Reads a header line; the version is reported as it stands, for the caller to judge. */
  public static TraceHeader header(ObjectNode line) {
    long version = version(line);
    JsonNode scenario = line.get("scenario");
    JsonNode seed = line.get("seed");
    if (scenario == null || !scenario.isObject()) {
      throw new MalformedTraceException("scenario", "the header lacks the scenario to replay");
    }
    if (seed == null || !seed.isIntegralNumber() || !seed.canConvertToLong()) {
      throw new MalformedTraceException("seed", "the header lacks the seed to replay");
    }
    List<String> nodes = new ArrayList<>();
    JsonNode names = line.path("nodes");
    if (!names.isArray()) {
      throw new MalformedTraceException("nodes", "the header lacks the run's node names");
    }
    for (JsonNode name : names) {
      if (!name.isTextual()) {
        throw new MalformedTraceException("nodes", "a node name is not a string: " + name);
      }
      nodes.add(name.textValue());
    }
    return new TraceHeader(version, (ObjectNode) scenario, seed.longValue(), nodes);
  }

  /** Reads the end line of a trace of format {@code version}. */
  public static TraceEnd end(ObjectNode line, long version) {
    Fields fields = new Fields(line);
    long events = fields.number("events");
    if (version == 1) {
      return new TraceEnd(events, null, fields.text("traceSha256"));
    }
    return new TraceEnd(events, fields.text("fingerprint"), fields.text("fileSha256"));
  }

  /** Reads an event line. */
  public static TraceEvent event(ObjectNode line) {
    Fields fields = new Fields(line);
    String type = fields.text("type");
    String node = fields.optionalText("node");
    At at =
        node == null
            ? At.ofRun(fields.number("seq"), fields.number("t"))
            : new At(
                fields.number("seq"),
                fields.number("t"),
                node,
                fields.number("wall"),
                fields.number("mono"));
    if (!TraceEventTypes.isEngineType(type)) {
      ObjectNode recorded = line.deepCopy();
      recorded.remove(COMMON);
      return new TraceEvent.ProtocolRecord(at, type, recorded);
    }
    TraceEvent event = TraceEventTypes.decode(type, at, fields);
    fields.requireNoOthers(type);
    return event;
  }

  /** Typed reads of one line's fields, remembering which were read. */
  static final class Fields {
    private final ObjectNode line;
    private final LookupSet<String> read = new LookupSet<>(); // Only looked up.

    Fields(ObjectNode line) {
      this.line = line;
      read.add("type");
    }

    String text(String name) {
      JsonNode value = get(name);
      if (!value.isTextual()) {
        throw new MalformedTraceException(name, "expected a string, got " + value);
      }
      return value.textValue();
    }

    String optionalText(String name) {
      return line.has(name) ? text(name) : null;
    }

    long number(String name) {
      JsonNode value = get(name);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new MalformedTraceException(name, "expected a whole number, got " + value);
      }
      return value.longValue();
    }

    long optionalNumber(String name, long otherwise) {
      return line.has(name) ? number(name) : otherwise;
    }

    int integer(String name) {
      long value = number(name);
      if (value != (int) value) {
        throw new MalformedTraceException(name, "out of range: " + value);
      }
      return (int) value;
    }

    int optionalInteger(String name, int otherwise) {
      return line.has(name) ? integer(name) : otherwise;
    }

    boolean bool(String name) {
      JsonNode value = get(name);
      if (!value.isBoolean()) {
        throw new MalformedTraceException(name, "expected true or false, got " + value);
      }
      return value.booleanValue();
    }

    Boolean optionalBool(String name) {
      return line.has(name) ? bool(name) : null;
    }

    JsonNode value(String name) {
      return get(name);
    }

    JsonNode optionalValue(String name) {
      return line.has(name) ? get(name) : null;
    }

    private JsonNode get(String name) {
      JsonNode value = line.get(name);
      if (value == null) {
        throw new MalformedTraceException(name, "missing");
      }
      read.add(name);
      return value;
    }

    void requireNoOthers(String type) {
      line.fieldNames()
          .forEachRemaining(
              name -> {
                if (!read.contains(name)) {
                  throw new MalformedTraceException(
                      name, "a " + type + " event has no field '" + name + "'");
                }
              });
    }
  }
}
