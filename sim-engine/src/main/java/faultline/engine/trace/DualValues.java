package faultline.engine.trace;

import faultline.engine.node.NodeId;
import faultline.engine.trace.CanonicalValues.Shape;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Writes a protocol's value in both encodings in one walk, for a run whose trace is written: each
 * record component is read once, through its accessor, and goes to the canonical encoder and to the
 * JSON line together, instead of the payload being walked once by {@link CanonicalValues} and once
 * more by {@link JsonValues}. The one walk goes only where both walks go the same way (null,
 * strings, integers, booleans, node ids, records of a {@link Shape} that are no collection or map,
 * and random-access lists that Jackson writes plainly); any other value is handed to each walk on
 * its own, so that both encodings are by construction what those walks write.
 */
final class DualValues {
  private DualValues() {}

  static void write(
      CanonicalEncoder binary, JsonLine json, Object value, JsonValues.Fallback fallback)
      throws IOException {
    switch (value) {
      case null -> {
        binary.nullValue();
        json.nullValue();
      }
      case String text -> {
        binary.string(text);
        json.string(text);
      }
      case Long number -> {
        binary.integer(number);
        json.number(number);
      }
      case Integer number -> {
        binary.integer(number);
        json.number(number);
      }
      case Boolean bool -> {
        binary.bool(bool);
        json.bool(bool);
      }
      case NodeId node -> {
        binary.string(node.name());
        json.string(node.name());
      }
      default -> writeComposite(binary, json, value, fallback);
    }
  }

  private static void writeComposite(
      CanonicalEncoder binary, JsonLine json, Object value, JsonValues.Fallback fallback)
      throws IOException {
    Shape shape = isPlainRecord(value) ? CanonicalValues.shape(value.getClass()) : null;
    if (shape != null) {
      binary.startObject();
      json.startObject();
      writeComponents(binary, json, shape, value, fallback);
      binary.end();
      json.endObject();
    } else if (value instanceof List<?> items
        && items instanceof RandomAccess
        && CanonicalValues.isPlain(items.getClass())) {
      binary.startArray();
      json.startArray();
      for (int i = 0; i < items.size(); i++) {
        write(binary, json, items.get(i), fallback);
      }
      binary.end();
      json.endArray();
    } else {
      CanonicalValues.write(binary, value);
      JsonValues.write(json, value, fallback);
    }
  }

  /** A record both walks write as an object of its components: no collection or map as well. */
  private static boolean isPlainRecord(Object value) {
    return value instanceof Record && !(value instanceof Collection<?>) && !(value instanceof Map);
  }

  /** A record's components as members of the objects being written, in declaration order. */
  static void writeComponents(
      CanonicalEncoder binary,
      JsonLine json,
      Shape shape,
      Object record,
      JsonValues.Fallback fallback)
      throws IOException {
    String[] names = shape.names();
    int[] codes = shape.codesIn(binary);
    try {
      for (int i = 0; i < names.length; i++) {
        json.name(shape.jsonMembers()[i]);
        MethodHandle accessor = shape.accessors()[i];
        switch (shape.kinds()[i]) {
          case LONG -> {
            long number = (long) accessor.invokeExact(record);
            binary.integerMember(codes, i, names[i], number);
            json.number(number);
          }
          case INT -> {
            int number = (int) accessor.invokeExact(record);
            binary.integerMember(codes, i, names[i], number);
            json.number(number);
          }
          case BOOLEAN -> {
            binary.name(codes, i, names[i]);
            boolean bool = (boolean) accessor.invokeExact(record);
            binary.bool(bool);
            json.bool(bool);
          }
          case OBJECT -> {
            binary.name(codes, i, names[i]);
            write(binary, json, (Object) accessor.invokeExact(record), fallback);
          }
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("reading a record component failed", e);
    }
  }
}
