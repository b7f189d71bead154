package faultline.engine.trace;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.util.NameTransformer;
import faultline.engine.lookup.LookupSet;
import java.lang.reflect.RecordComponent;
import java.util.Optional;

/**
 * Which records {@link TraceWriter#writeFlatRecord} may write straight into a line. A record
 * event's fields used to go through a JSON tree, which turns some values into others (floating
 * point and big numbers among them); for records of integers, booleans and strings the tree changes
 * nothing, so those skip it, and every other value keeps the tree way.
 */
final class FlatRecords {
  private static final LookupSet<Class<?>> PLAIN =
      LookupSet.of(
          long.class,
          int.class,
          short.class,
          byte.class,
          boolean.class,
          Long.class,
          Integer.class,
          Short.class,
          Byte.class,
          Boolean.class,
          String.class);

  private FlatRecords() {}

  /** A serializer writing the record's fields without braces, or empty when it is not plain. */
  static Optional<JsonSerializer<Object>> unwrappingSerializer(
      Class<?> type, SerializerProvider provider) throws JsonMappingException {
    if (!isPlainRecord(type)) {
      return Optional.empty();
    }
    JsonSerializer<Object> unwrapping =
        provider.findValueSerializer(type).unwrappingSerializer(NameTransformer.NOP);
    return unwrapping.isUnwrappingSerializer() ? Optional.of(unwrapping) : Optional.empty();
  }

  static boolean isPlainRecord(Class<?> type) {
    if (!type.isRecord() || type.getAnnotations().length > 0) {
      return false;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (!PLAIN.contains(component.getType())
          || component.getAnnotations().length > 0
          || component.getAccessor().getAnnotations().length > 0) {
        return false;
      }
    }
    return true;
  }
}
