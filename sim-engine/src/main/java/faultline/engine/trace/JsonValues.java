package faultline.engine.trace;

import faultline.engine.node.NodeId;
import faultline.engine.trace.CanonicalValues.Shape;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;

/**
 * Writes a protocol's value as JSON exactly as the trace mapper would, by the walk {@link
 * CanonicalValues} takes for the fingerprint: strings, integers, booleans, node ids, plain enums,
 * lists, maps with string keys (sorted, as the mapper sorts them) and records of plain components
 * (their accessors found once per class) are written directly; any other value goes to a fallback,
 * which hands it to Jackson. A trace-written run spent a quarter of its time in Jackson's bean
 * serializers for messages and in the JSON trees of record events; the golden tests hold every
 * bundled scenario's trace lines byte for byte to what Jackson wrote.
 */
final class JsonValues {
  /** How a value the walk does not know is written. */
  @FunctionalInterface
  interface Fallback {
    void write(JsonLine json, Object value) throws IOException;
  }

  private JsonValues() {}

  static void write(JsonLine json, Object value, Fallback fallback) throws IOException {
    switch (value) {
      case null -> json.nullValue();
      case String text -> json.string(text);
      case Long number -> json.number(number.longValue());
      case Integer number -> json.number(number.intValue());
      case Boolean bool -> json.bool(bool);
      case NodeId node -> json.string(node.name());
      case Enum<?> constant when CanonicalValues.isPlain(constant.getDeclaringClass()) ->
          json.string(constant.name());
      case List<?> items when CanonicalValues.isPlain(items.getClass()) ->
          writeList(json, items, fallback);
      case Map<?, ?> map
          when CanonicalValues.isPlain(map.getClass()) && CanonicalValues.hasStringKeys(map) ->
          writeMap(json, map, fallback);
      default -> {
        Shape shape = CanonicalValues.shape(value.getClass());
        if (shape == null) {
          fallback.write(json, value);
        } else {
          json.startObject();
          writeComponents(json, shape, value, fallback);
          json.endObject();
        }
      }
    }
  }

  /** A record's components as members of the object being written, in declaration order. */
  static void writeComponents(JsonLine json, Shape shape, Object record, Fallback fallback)
      throws IOException {
    try {
      for (int i = 0; i < shape.names().length; i++) {
        json.name(shape.jsonMembers()[i]);
        MethodHandle accessor = shape.accessors()[i];
        switch (shape.kinds()[i]) {
          case LONG -> json.number((long) accessor.invokeExact(record));
          case INT -> json.number((int) accessor.invokeExact(record));
          case BOOLEAN -> json.bool((boolean) accessor.invokeExact(record));
          case OBJECT -> write(json, (Object) accessor.invokeExact(record), fallback);
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("reading a record component failed", e);
    }
  }

  private static void writeList(JsonLine json, List<?> items, Fallback fallback)
      throws IOException {
    json.startArray();
    for (int i = 0; i < items.size(); i++) {
      write(json, items.get(i), fallback);
    }
    json.endArray();
  }

  /** Sorted by key, as the trace mapper's ORDER_MAP_ENTRIES_BY_KEYS sorts what is not sorted. */
  private static void writeMap(JsonLine json, Map<?, ?> map, Fallback fallback) throws IOException {
    Map<?, ?> sorted = CanonicalValues.sortedByKey(map);
    json.startObject();
    for (Map.Entry<?, ?> entry : sorted.entrySet()) {
      json.name((String) entry.getKey());
      write(json, entry.getValue(), fallback);
    }
    json.endObject();
  }
}
