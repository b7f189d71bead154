package faultline.scenarios.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.trace.TraceFormat;
import faultline.scenarios.parse.ScenarioException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code faultline-trace} v1 file, checked on reading: a header of this format and a version this
 * build understands, an end line, and a hash that matches every byte before the end line. A
 * truncated, edited or foreign file is a {@link ScenarioException} naming the line.
 *
 * @param header the header line's object
 * @param lines every line, the header and end included, without newlines
 * @param recordedHash the hash the end line records (and the bytes were checked against)
 */
public record TraceFile(ObjectNode header, List<String> lines, String recordedHash) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public long seed() {
    return header.get("seed").asLong();
  }

  public ObjectNode scenario() {
    return (ObjectNode) header.get("scenario");
  }

  /** Parses and verifies {@code bytes}, read from {@code file} (named in errors). */
  public static TraceFile parse(String file, byte[] bytes) {
    List<String> lines = splitLines(file, bytes);
    if (lines.isEmpty()) {
      throw new ScenarioException(file, 1, 1, "", "empty file: not a faultline trace");
    }
    ObjectNode header = header(file, lines.getFirst());
    int lastLine = lines.size();
    JsonNode end = object(file, lastLine, lines.getLast());
    if (lines.size() < 2 || !"end".equals(text(end, "type"))) {
      throw new ScenarioException(
          file,
          lastLine,
          1,
          "type",
          "the trace has no end line; it was truncated or is still being written");
    }
    String recorded = text(end, "traceSha256");
    long events = end.path("events").asLong(-1);
    if (events != lines.size() - 2) {
      throw new ScenarioException(
          file,
          lastLine,
          1,
          "events",
          "the end line counts "
              + events
              + " events but the file has "
              + (lines.size() - 2)
              + "; lines were added or removed");
    }
    String actual = sha256Before(bytes, lines.getLast());
    if (!actual.equals(recorded)) {
      throw new ScenarioException(
          file,
          lastLine,
          1,
          "traceSha256",
          "the trace was edited: its bytes hash to "
              + actual.substring(0, 12)
              + "…, the end line says "
              + (recorded == null ? "nothing" : abbreviate(recorded)));
    }
    return new TraceFile(header, List.copyOf(lines), recorded);
  }

  private static ObjectNode header(String file, String line) {
    JsonNode header = object(file, 1, line);
    if (!"header".equals(text(header, "type"))
        || !TraceFormat.FORMAT_NAME.equals(text(header, "format"))) {
      throw new ScenarioException(
          file,
          1,
          1,
          "format",
          "not a faultline trace (the first line is no faultline-trace header)");
    }
    int version = header.path("version").asInt(-1);
    if (version > TraceFormat.VERSION) {
      throw new ScenarioException(
          file,
          1,
          1,
          "version",
          "trace format version "
              + version
              + " is newer than this faultline understands ("
              + TraceFormat.VERSION
              + "); upgrade faultline to read it");
    }
    if (version != TraceFormat.VERSION) {
      throw new ScenarioException(file, 1, 1, "version", "unknown trace format version " + version);
    }
    if (!header.path("scenario").isObject() || !header.path("seed").canConvertToLong()) {
      throw new ScenarioException(
          file,
          1,
          1,
          header.path("scenario").isObject() ? "seed" : "scenario",
          "the header lacks the scenario or the seed to replay");
    }
    return (ObjectNode) header;
  }

  private static JsonNode object(String file, int lineNumber, String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject()) {
        throw new ScenarioException(file, lineNumber, 1, "", "not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
      throw new ScenarioException(
          file, lineNumber, column, "", "not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static List<String> splitLines(String file, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      long count = text.lines().count();
      throw new ScenarioException(
          file,
          (int) count,
          1,
          "",
          "the last line is cut off (no newline): the trace was truncated");
    }
    List<String> lines = new ArrayList<>();
    text.lines().forEach(lines::add);
    return lines;
  }

  private static String sha256Before(byte[] bytes, String endLine) {
    int endLength = endLine.getBytes(StandardCharsets.UTF_8).length + 1;
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, 0, bytes.length - endLength);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static String abbreviate(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }
}
