package faultline.engine.trace;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import faultline.engine.Check;
import faultline.engine.lookup.LookupMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the fields of one trace line at a time in both encodings from the same call: the canonical
 * binary encoding that the run's fingerprint hashes (always), and JSON (only when a sink keeps the
 * lines), so a field cannot reach one and miss the other. The JSON goes into a line reused from
 * line to line ({@link JsonLine}), which writes names, integers and plain strings itself; values
 * only Jackson knows go through one generator and one serializer provider for the whole trace, with
 * Jackson's Blackbird accessors. Every write is unchecked: the bytes go to memory, so an {@link
 * IOException} is a bug.
 */
final class FieldWriter {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .addModule(new BlackbirdModule())
          .build();

  private final boolean writesJson;
  private final CanonicalEncoder binary = new CanonicalEncoder();
  private boolean encoding = true; // False for the end line, which the fingerprint leaves out.
  private final JsonLine.JacksonBytes jackson = new JsonLine.JacksonBytes();
  private final JsonLine json = new JsonLine(jackson);
  private DefaultSerializerProvider payloads; // Made on first use: see payload.
  private final LookupMap<Class<?>, Optional<JsonSerializer<Object>>> flatRecords =
      new LookupMap<>(); // Only looked up.
  private final JsonValues.Fallback jacksonFallback =
      (line, value) ->
          line.raw(jackson.write(generator -> provider().serializeValue(generator, value)));
  private final JsonValues.Fallback treeFallback =
      (line, value) -> writePayload(MAPPER.valueToTree(value));

  FieldWriter(boolean writesJson) {
    this.writesJson = writesJson;
  }

  boolean writesJson() {
    return writesJson;
  }

  /** The fingerprint of every line encoded so far; no line may follow. */
  String fingerprint() {
    encoding = false;
    return binary.fingerprint();
  }

  long bytesEncoded() {
    return binary.bytesEncoded();
  }

  /** Starts a line: opens the line's object. */
  void open() {
    if (encoding) {
      binary.startObject();
    }
    if (!writesJson) {
      return;
    }
    json.startLine(); // Also after a line that failed half way.
    json.startObject();
  }

  /**
   * Starts an event's line: opens its object and writes {@code seq}, {@code t}, {@code type} and,
   * when {@code node} is not null, {@code node}, {@code wall} and {@code mono}.
   */
  void openEvent(long seq, long t, String type, String node, long wall, long mono) {
    if (encoding) {
      binary.eventStart(seq, t, type, node, wall, mono);
    }
    if (!writesJson) {
      return;
    }
    json.startLine();
    json.eventStart(seq, t, type, node, wall, mono);
  }

  /** Ends the line: closes its object and adds the newline. */
  void close() {
    if (encoding) {
      binary.end();
    }
    if (!writesJson) {
      return;
    }
    json.endObject();
    json.endLine();
  }

  /**
   * The array holding the JSON lines written since they were last cleared: the last line is {@link
   * #lineLength()} bytes at {@link #lineStart()}.
   */
  byte[] array() {
    return json.array();
  }

  int lineStart() {
    return json.lineStart();
  }

  int lineLength() {
    return json.lineLength();
  }

  /** How many bytes the lines written since they were last cleared take, from the array's start. */
  int linesLength() {
    return json.linesLength();
  }

  void clearLines() {
    json.clearLines();
  }

  void string(EventField name, String value) {
    if (encoding) {
      binary.stringField(name, value);
    }
    if (!writesJson) {
      return;
    }
    json.name(name.jsonMember);
    json.string(value);
  }

  /** A field of the JSON alone: the header's format and version, which no fingerprint covers. */
  void jsonString(String name, String value) {
    if (!writesJson) {
      return;
    }
    json.name(name);
    json.string(value);
  }

  void number(EventField name, long value) {
    if (encoding) {
      binary.integerField(name, value);
    }
    if (!writesJson) {
      return;
    }
    json.name(name.jsonMember);
    json.number(value);
  }

  void jsonNumber(String name, long value) {
    if (!writesJson) {
      return;
    }
    json.name(name);
    json.number(value);
  }

  void bool(EventField name, boolean value) {
    if (encoding) {
      binary.name(name);
      binary.bool(value);
    }
    if (!writesJson) {
      return;
    }
    json.name(name.jsonMember);
    json.bool(value);
  }

  /** A value of the run's resolved scenario or a protocol's: written as Jackson writes it. */
  void value(EventField name, Object value) {
    if (encoding && writesJson && !(value instanceof JsonNode)) {
      // Both encodings in one walk of the value (a tree read back goes each way on its own).
      binary.name(name);
      try {
        json.name(name.jsonMember);
        DualValues.write(binary, json, value, jacksonFallback);
      } catch (IOException e) {
        throw failed(e);
      }
      return;
    }
    if (encoding) {
      binary.name(name);
      CanonicalValues.write(binary, value);
    }
    if (!writesJson) {
      return;
    }
    try {
      json.name(name.jsonMember);
      writePayload(value);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** An array of node names ({@code nodes} of the header). */
  void strings(EventField name, Iterable<String> values) {
    if (encoding) {
      binary.name(name);
      binary.startArray();
      values.forEach(binary::string);
      binary.end();
    }
    if (!writesJson) {
      return;
    }
    json.name(name.jsonMember);
    json.startArray();
    for (String value : values) {
      json.string(value);
    }
    json.endArray();
  }

  /** An array of arrays of node names ({@code groups} of a partition). */
  void groups(EventField name, Iterable<? extends Iterable<String>> groups) {
    if (encoding) {
      binary.name(name);
      binary.startArray();
      for (Iterable<String> group : groups) {
        binary.startArray();
        group.forEach(binary::string);
        binary.end();
      }
      binary.end();
    }
    if (!writesJson) {
      return;
    }
    json.name(name.jsonMember);
    json.startArray();
    for (Iterable<String> group : groups) {
      json.startArray();
      for (String member : group) {
        json.string(member);
      }
      json.endArray();
    }
    json.endArray();
  }

  /**
   * The fields of a protocol record, added to the line's own: a record of plain fields directly,
   * anything else through its JSON tree, which must be an object.
   */
  void fieldsOf(String type, Object fields) {
    CanonicalValues.Shape shape = fields == null ? null : CanonicalValues.shape(fields.getClass());
    if (encoding && writesJson && shape != null) {
      // A record of plain components: both encodings in one walk of its components.
      try {
        DualValues.writeComponents(binary, json, shape, fields, treeFallback);
      } catch (IOException e) {
        throw failed(e);
      }
      return;
    }
    if (encoding) {
      CanonicalValues.writeMembers(binary, type, fields);
    }
    if (!writesJson) {
      return;
    }
    try {
      if (fields instanceof ObjectNode tree) {
        writeTreeFields(tree);
      } else if (shape != null) {
        // What the tree way writes, without the tree; a value the walk does not know still goes
        // through a tree of its own, as it did inside the record's.
        JsonValues.writeComponents(json, shape, fields, treeFallback);
      } else if (isFlatRecord(fields)) {
        writeFlatRecord(fields);
      } else {
        JsonNode tree = MAPPER.valueToTree(fields);
        Check.argument(tree.isObject(), "fields of a %s record must form an object", type);
        writeTreeFields((ObjectNode) tree);
      }
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private void writeTreeFields(ObjectNode tree) throws IOException {
    for (Map.Entry<String, JsonNode> entry : tree.properties()) {
      json.name(entry.getKey());
      writePayload(entry.getValue());
    }
  }

  /** A flat record's members, written by its unwrapping serializer inside an object of its own. */
  private void writeFlatRecord(Object fields) {
    JsonSerializer<Object> serializer = flatRecordSerializer(fields.getClass()).orElseThrow();
    byte[] object =
        jackson.write(
            generator -> {
              generator.writeStartObject();
              serializer.serialize(fields, generator, provider());
              generator.writeEndObject();
            });
    json.members(object, 1, object.length - 2);
  }

  /**
   * Writes a value exactly as the mapper's {@code writeValue} does, through one serializer provider
   * kept for the whole trace: the mapper makes a new one for every value, which for the payload of
   * every message was the largest allocation left in the Raft workload. Plain tree values (strings,
   * numbers, booleans, null) are written directly, as their own {@code serialize} would, and so are
   * the values {@link JsonValues} knows.
   */
  private void writePayload(Object value) throws IOException {
    switch (value) {
      case TextNode text -> json.string(text.textValue());
      case IntNode number -> json.number(number.intValue());
      case LongNode number -> json.number(number.longValue());
      case BooleanNode bool -> json.bool(bool.booleanValue());
      case NullNode nothing -> json.nullValue();
      case null, default -> JsonValues.write(json, value, jacksonFallback);
    }
  }

  /**
   * True when {@code fields} is a record of plain components (integers, booleans and strings, no
   * Jackson annotations), which {@link #fieldsOf} writes as converting it to a tree and writing the
   * tree's fields would, without building the tree.
   */
  boolean isFlatRecord(Object fields) {
    return fields != null && flatRecordSerializer(fields.getClass()).isPresent();
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

  /** Returns the exception to throw after {@code e}; the next line starts afresh. */
  private static UncheckedIOException failed(IOException e) {
    return new UncheckedIOException("encoding a trace line in memory failed", e);
  }
}
