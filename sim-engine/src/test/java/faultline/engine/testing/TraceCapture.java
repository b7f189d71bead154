package faultline.engine.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.engine.trace.TraceSink;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Keeps a run's trace twice: as the exact bytes the engine emitted (to recompute the hash) and as
 * parsed JSON lines (to assert on fields), with small queries for tests.
 */
public final class TraceCapture implements TraceSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<byte[]> rawLines = new ArrayList<>();
  private final List<JsonNode> lines = new ArrayList<>();
  private boolean closed;

  @Override
  public void accept(byte[] line) {
    if (closed) {
      throw new IllegalStateException("a line arrived after the sink was closed");
    }
    bytes.writeBytes(line);
    rawLines.add(line.clone());
    try {
      lines.add(JSON.readTree(new String(line, StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the engine wrote a line that is not JSON", e);
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Every byte written, newlines included. */
  public byte[] bytes() {
    return bytes.toByteArray();
  }

  public List<byte[]> rawLines() {
    return rawLines;
  }

  /** Every line, header and end included. */
  public List<JsonNode> lines() {
    return lines;
  }

  /** The event lines: everything between the header and the end line. */
  public List<JsonNode> events() {
    return lines.stream().filter(line -> line.has("seq")).toList();
  }

  public List<JsonNode> events(String type) {
    return events(line -> line.path("type").asText().equals(type));
  }

  public List<JsonNode> events(Predicate<JsonNode> which) {
    return events().stream().filter(which).toList();
  }

  /** Events of {@code type} at {@code node}. */
  public List<JsonNode> events(String type, String node) {
    return events(
        line -> line.path("type").asText().equals(type) && line.path("node").asText().equals(node));
  }

  /** The event types in order, one per event line, for asserting on a short run's shape. */
  public List<String> types() {
    return events().stream().map(line -> line.path("type").asText()).toList();
  }

  /** Event types with their node, such as {@code "send@n1"}, for asserting on interleavings. */
  public List<String> typesAtNodes() {
    return events().stream()
        .map(
            line ->
                line.path("type").asText()
                    + (line.has("node") ? "@" + line.path("node").asText() : ""))
        .toList();
  }

  public String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
