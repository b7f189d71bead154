package faultline.scenarios.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.history.Model;
import faultline.scenarios.parse.JsonErrors;
import faultline.scenarios.parse.LineInput;
import faultline.scenarios.parse.Messages;
import faultline.scenarios.parse.ScenarioException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a client history: JSON Lines, one operation event per line in real-time order, Jepsen style
 * ({@code {"process":0,"type":"invoke","f":"write","key":"x","value":3}}). Blank lines are skipped.
 * Every mistake is a {@link ScenarioException} whose one-line message names the file, the line and
 * column, and the field: a malformed line, an unknown field, {@code type} or {@code f}, a value of
 * the wrong shape, a completion with no invocation outstanding, a second invocation while one is
 * outstanding. A history that parses can always be checked.
 */
public final class HistoryParser {
  private static final ObjectMapper JSON =
      new ObjectMapper(JsonFactory.builder().build())
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  /**
   * The fields an event may have; Jepsen's {@code index} and {@code error} are accepted, unused.
   */
  private static final List<String> FIELDS =
      List.of("process", "type", "f", "key", "value", "time", "index", "error");

  /** The most one line may hold: an event is a few dozen bytes; a value may be a long string. */
  public static final int LINE_BYTES_MAX = 1024 * 1024;

  private final String file;
  private final Model model;
  private final List<HistoryEvent> events = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();

  /** The line of each process's outstanding invocation, and its event. */
  private final Map<Integer, Integer> outstandingLine = new TreeMap<>();

  private final Map<Integer, HistoryEvent> outstanding = new TreeMap<>();

  private HistoryParser(String file, Model model) {
    this.file = file;
    this.model = model;
  }

  /** Parses {@code text}, the contents of {@code file}, for {@code model}. */
  public static ParsedHistory parse(String file, String text, Model model) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (LineInput input = new LineInput(new ByteArrayInputStream(bytes), file, bytes.length + 1)) {
      return parse(file, input, model);
    }
  }

  /**
   * Parses the history file at {@code path} line by line: memory grows with the events, never with
   * a line (one line may hold at most {@link #LINE_BYTES_MAX} bytes).
   */
  public static ParsedHistory parse(Path path, Model model) {
    String file = path.toString();
    try (LineInput input = LineInput.open(path, file, LINE_BYTES_MAX)) {
      return parse(file, input, model);
    }
  }

  private static ParsedHistory parse(String file, LineInput input, Model model) {
    HistoryParser parser = new HistoryParser(file, model);
    for (String line = input.next(); line != null; line = input.next()) {
      if (!line.isBlank()) {
        parser.line(input.lineNumber(), line);
      }
    }
    if (parser.events.isEmpty()) {
      throw new ScenarioException(
          file, 1, 1, "", "the history has no events; expected one JSON object per line");
    }
    return new ParsedHistory(
        file,
        List.copyOf(parser.events),
        parser.lines.stream().mapToInt(Integer::intValue).toArray());
  }

  private void line(int lineNumber, String text) {
    Map<String, Located> fields = fields(lineNumber, text);
    LineReader reader = new LineReader(file, lineNumber, fields);
    for (String name : fields.keySet()) {
      if (!FIELDS.contains(name)) {
        throw reader.nameError(
            name, "unknown field " + Messages.quote(name) + "; a history event has " + FIELDS);
      }
    }
    int process = reader.process();
    HistoryEvent.Type type = reader.type();
    String f = reader.function(model);
    String key = reader.key();
    long timeNanos = reader.time();
    HistoryEvent invoke = outstanding.get(process);
    Object value;
    if (type == HistoryEvent.Type.INVOKE) {
      if (invoke != null) {
        throw reader.error(
            "process",
            "process "
                + process
                + " invokes again while its "
                + invoke.f()
                + " from line "
                + outstandingLine.get(process)
                + " is still outstanding");
      }
      value = reader.invokeValue(model, f);
    } else {
      if (invoke == null) {
        throw reader.error(
            "type",
            (type == HistoryEvent.Type.OK || type == HistoryEvent.Type.INFO ? "an " : "a ")
                + type.name().toLowerCase(Locale.ROOT)
                + " completion, but process "
                + process
                + " has no operation outstanding");
      }
      if (!invoke.f().equals(f)) {
        throw reader.error(
            "f",
            "process "
                + process
                + " invoked "
                + invoke.f()
                + " at line "
                + outstandingLine.get(process)
                + ", but this completes "
                + f);
      }
      if (!java.util.Objects.equals(invoke.key(), key)) {
        throw reader.error(
            "key",
            "process "
                + process
                + " invoked on key "
                + Messages.quote(invoke.key())
                + " at line "
                + outstandingLine.get(process)
                + ", but this completes key "
                + Messages.quote(key));
      }
      value = reader.completionValue(model, f, type, invoke.value());
    }
    HistoryEvent event = new HistoryEvent(process, type, f, key, value, timeNanos);
    if (type == HistoryEvent.Type.INVOKE) {
      outstanding.put(process, event);
      outstandingLine.put(process, lineNumber);
    } else {
      outstanding.remove(process);
      outstandingLine.remove(process);
    }
    events.add(event);
    lines.add(lineNumber);
  }

  /** The fields of one line's JSON object, each with the column where its value starts. */
  private Map<String, Located> fields(int lineNumber, String text) {
    try (JsonParser parser = JSON.createParser(text)) {
      try {
        return readFields(lineNumber, parser);
      } catch (JsonProcessingException e) {
        // Some refusals (a limit reached) come without a location: the parser's is as good.
        JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        throw new ScenarioException(
            file,
            lineNumber,
            Math.max(1, where.getColumnNr()),
            "",
            "malformed JSON: " + JsonErrors.reason(e));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  private Map<String, Located> readFields(int lineNumber, JsonParser parser) throws IOException {
    Map<String, Located> fields = new LinkedHashMap<>();
    JsonToken first = parser.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw new ScenarioException(
          file,
          lineNumber,
          column(parser),
          "",
          "expected a JSON object (one history event per line)");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int nameColumn = column(parser);
      parser.nextToken();
      int valueColumn = column(parser);
      JsonNode value = parser.readValueAsTree();
      if (fields.containsKey(name)) {
        throw new ScenarioException(
            file, lineNumber, nameColumn, Text.field(name), "the field is given twice");
      }
      fields.put(
          name, new Located(value == null ? JSON.nullNode() : value, nameColumn, valueColumn));
    }
    if (parser.nextToken() != null) {
      throw new ScenarioException(
          file,
          lineNumber,
          column(parser),
          "",
          "unexpected content after the JSON object (one history event per line)");
    }
    return fields;
  }

  private static int column(JsonParser parser) {
    return Math.max(0, parser.currentTokenLocation().getColumnNr());
  }

  /** One field's value and where it is in the line. */
  record Located(JsonNode value, int nameColumn, int valueColumn) {}
}
