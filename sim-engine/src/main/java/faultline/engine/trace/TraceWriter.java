package faultline.engine.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import faultline.engine.Check;
import faultline.engine.node.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes a run as {@code faultline-trace} v1 JSON Lines: a header, one line per event with a
 * sequence number from 1, and an end line carrying the SHA-256 of every byte before it.
 *
 * <p>Field order is fixed by the code that writes each event, maps are written sorted by key, and
 * numbers are integers, so the same run always gives the same bytes.
 */
public final class TraceWriter {
  /** Writes the body of one event after the common fields. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .addModule(new BlackbirdModule())
          .build();

  private final TraceSink sink;
  private final MessageDigest digest;
  private final LineBuffer buffer = new LineBuffer();
  // One generator for the whole trace, writing each line as a root value of its own: creating one
  // per line (and its contexts and buffers) was a third of a run's allocation.
  private JsonGenerator json;
  private boolean lineOpen;
  private DefaultSerializerProvider payloads; // Made on first use: see writePayload.
  private final Map<Class<?>, Optional<JsonSerializer<Object>>> flatRecords =
      new HashMap<>(); // Only looked up.
  private long sequence;
  private boolean headerWritten;
  private boolean ended;
  private String finalHash;

  public TraceWriter(TraceSink sink) {
    this.sink = sink;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  /** The shared mapper used for payloads, so every module encodes values the same way. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public void header(Object resolvedScenario, long seed, List<NodeId> nodes) {
    Check.state(!headerWritten, "the header is written once");
    headerWritten = true;
    line(
        json -> {
          json.writeStringField("type", "header");
          json.writeStringField("format", TraceFormat.FORMAT_NAME);
          json.writeNumberField("version", TraceFormat.VERSION);
          json.writeFieldName("scenario");
          MAPPER.writeValue(json, resolvedScenario);
          json.writeNumberField("seed", seed);
          json.writeArrayFieldStart("nodes");
          for (NodeId node : nodes) {
            json.writeString(node.name());
          }
          json.writeEndArray();
        });
  }

  /**
   * Writes one event: {@code seq}, {@code t}, {@code type}, then {@code node} and the node's clock
   * readings when {@code node} is not null, then the body. Returns the event's sequence number.
   */
  public long event(
      String type, long trueNanos, NodeId node, long wallNanos, long monotonicNanos, Body body) {
    JsonGenerator json = beginEvent(type, trueNanos, node, wallNanos, monotonicNanos);
    try {
      body.write(json);
    } catch (IOException e) {
      throw failed(e);
    }
    return endEvent();
  }

  /**
   * Starts an event as {@link #event} does, for a caller that writes the body on the returned
   * generator itself and then calls {@link #endEvent()}: the engine's most frequent events take
   * this way, which needs no body object per event. An {@link IOException} while writing the body
   * goes through {@link #failed}.
   */
  public JsonGenerator beginEvent(
      String type, long trueNanos, NodeId node, long wallNanos, long monotonicNanos) {
    Check.state(headerWritten && !ended, "events go between the header and the end");
    long seq = ++sequence;
    JsonGenerator json = openLine();
    try {
      json.writeNumberField("seq", seq);
      json.writeNumberField("t", trueNanos);
      json.writeStringField("type", type);
      if (node != null) {
        json.writeStringField("node", node.name());
        json.writeNumberField("wall", wallNanos);
        json.writeNumberField("mono", monotonicNanos);
      }
    } catch (IOException e) {
      throw failed(e);
    }
    return json;
  }

  /** Ends the event {@link #beginEvent} started; returns its sequence number. */
  public long endEvent() {
    Check.state(lineOpen, "endEvent follows beginEvent");
    closeLine();
    digest.update(buffer.array(), 0, buffer.length());
    sink.accept(buffer.array(), 0, buffer.length());
    return sequence;
  }

  /** Abandons the line being written after {@code e}; returns the exception to throw. */
  public UncheckedIOException failed(IOException e) {
    json = null;
    lineOpen = false;
    return new UncheckedIOException("encoding a trace line in memory failed", e);
  }

  /** Writes an event that belongs to no node (a partition, a heal, the end of the run). */
  public long event(String type, long trueNanos, Body body) {
    return event(type, trueNanos, null, 0, 0, body);
  }

  /** Writes the end line and returns the hash of everything before it, as lowercase hex. */
  public String end() {
    Check.state(headerWritten && !ended, "the end is written once, after the header");
    finalHash = HexFormat.of().formatHex(digest.digest());
    ended = true;
    writeRaw(
        json -> {
          json.writeStringField("type", "end");
          json.writeNumberField("events", sequence);
          json.writeStringField("traceSha256", finalHash);
        });
    sink.close();
    return finalHash;
  }

  public long eventsWritten() {
    return sequence;
  }

  public boolean isEnded() {
    return ended;
  }

  /** The trace hash, available once {@link #end()} was called. */
  public String hash() {
    Check.state(ended, "the hash is known at the end");
    return finalHash;
  }

  /**
   * Writes a value exactly as {@link #writeValue} does, through one serializer provider kept for
   * the whole trace: the mapper makes a new one for every value, which for the payload of every
   * message was the largest allocation left in the Raft workload. Plain tree values (strings,
   * numbers, booleans, null) are written directly, as their own {@code serialize} would.
   */
  public void writePayload(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case TextNode text -> json.writeString(text.textValue());
      case IntNode number -> json.writeNumber(number.intValue());
      case LongNode number -> json.writeNumber(number.longValue());
      case BooleanNode bool -> json.writeBoolean(bool.booleanValue());
      case NullNode nothing -> json.writeNull();
      case null, default -> provider().serializeValue(json, value);
    }
  }

  /**
   * True when {@code fields} is a record of plain components (integers, booleans and strings, no
   * Jackson annotations), which {@link #writeFlatRecord} writes as converting it to a tree and
   * writing the tree's fields would, without building the tree.
   */
  public boolean isFlatRecord(Object fields) {
    return fields != null && flatRecordSerializer(fields.getClass()).isPresent();
  }

  /** Writes the components of a {@link #isFlatRecord flat record} as fields of the open object. */
  public void writeFlatRecord(JsonGenerator json, Object fields) throws IOException {
    flatRecordSerializer(fields.getClass()).orElseThrow().serialize(fields, json, provider());
  }

  private Optional<JsonSerializer<Object>> flatRecordSerializer(Class<?> type) {
    Optional<JsonSerializer<Object>> serializer = flatRecords.get(type);
    if (serializer == null) {
      try {
        serializer = FlatRecords.unwrappingSerializer(type, provider());
      } catch (JsonMappingException e) {
        serializer = Optional.empty(); // The tree way will report it.
      }
      flatRecords.put(type, serializer);
    }
    return serializer;
  }

  private DefaultSerializerProvider provider() {
    if (payloads == null) {
      payloads = (DefaultSerializerProvider) MAPPER.getSerializerProviderInstance();
    }
    return payloads;
  }

  /** Writes a value as JSON with the trace's mapper, for bodies that embed payloads. */
  public static void writeValue(JsonGenerator json, Object value) throws IOException {
    MAPPER.writeValue(json, value);
  }

  private void line(Body body) {
    encode(body);
    digest.update(buffer.array(), 0, buffer.length());
    sink.accept(buffer.array(), 0, buffer.length());
  }

  private void writeRaw(Body body) {
    encode(body);
    sink.accept(buffer.array(), 0, buffer.length());
  }

  /** Encodes one line into {@link #buffer}: the object, then a newline. */
  private void encode(Body body) {
    JsonGenerator json = openLine();
    try {
      body.write(json);
    } catch (IOException e) {
      throw failed(e);
    }
    closeLine();
  }

  private JsonGenerator openLine() {
    buffer.reset();
    try {
      if (json == null || lineOpen) {
        // First line, or the last one failed half way (left inside an object): start afresh.
        json = MAPPER.getFactory().createGenerator(buffer, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null); // Lines end with our newline, not Jackson's space.
      }
      lineOpen = true;
      json.writeStartObject();
      return json;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private void closeLine() {
    try {
      json.writeEndObject();
      json.flush();
    } catch (IOException e) {
      throw failed(e);
    }
    lineOpen = false;
    buffer.write('\n');
  }
}
