package faultline.scenarios.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.history.Model;
import faultline.scenarios.parse.Messages;
import faultline.scenarios.parse.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    HistoryParser parser = new HistoryParser(file, model);
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // A byte order mark.
    String[] split = body.split("\r?\n|\r", -1);
    for (int i = 0; i < split.length; i++) {
      if (!split[i].isBlank()) {
        parser.line(i + 1, split[i]);
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
    Map<String, Located> fields = new LinkedHashMap<>();
    try (JsonParser parser = JSON.createParser(text)) {
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
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
      String reason = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
      throw new ScenarioException(
          file, lineNumber, column, "", "malformed JSON: " + Messages.oneLine(reason));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return fields;
  }

  private static int column(JsonParser parser) {
    return Math.max(0, parser.currentTokenLocation().getColumnNr());
  }

  /** One field's value and where it is in the line. */
  record Located(JsonNode value, int nameColumn, int valueColumn) {}
}
