package faultline.engine.trace;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import faultline.engine.node.NodeId;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a protocol's value (a message, a state, a record's fields) in the canonical encoding, as
 * the JSON a trace holds for it would be encoded: the same members, names, order and numbers as
 * Jackson writes. Records of plain components, strings, numbers, booleans, enums, node ids, lists
 * and maps with string keys are walked directly (each record class's accessors found once);
 * anything else, or a type carrying Jackson annotations, goes through Jackson's own tree of it,
 * which is slower but exactly what the JSON says. A test recomputes every bundled run's fingerprint
 * from its JSON file to hold the two ways equal.
 */
final class CanonicalValues {
  /**
   * How one record class is walked: its component names (also as Jackson writes a member name,
   * quoted with its colon, encoded once) and accessors, each typed as the component is, so that a
   * {@code long} or {@code int} component is read without boxing. {@code hash} places the shape in
   * each encoder's table of component codes ({@link ComponentCodeTable}); it is computed once from
   * the class's name, so that no count of shapes is shared between runs, and reaches no trace.
   */
  record Shape(
      int hash, String[] names, byte[][] jsonMembers, Kind[] kinds, MethodHandle[] accessors) {
    Shape(Class<?> type, String[] names, Kind[] kinds, MethodHandle[] accessors) {
      this(hashOf(type.getName()), names, jsonMembersOf(names), kinds, accessors);
    }

    /**
     * The name's hash with its bits spread to the low ones a table probes by: the names of one
     * package's classes differ mostly in their last characters.
     */
    private static int hashOf(String className) {
      int hash = className.hashCode() * 0x9E3779B9;
      return hash ^ (hash >>> 16);
    }

    private static byte[][] jsonMembersOf(String[] names) {
      byte[][] jsonMembers = new byte[names.length][];
      for (int i = 0; i < names.length; i++) {
        jsonMembers[i] = JsonLine.member(names[i]);
      }
      return jsonMembers;
    }

    /**
     * The codes of the component names in {@code out}: see {@link CanonicalEncoder#name(int[], int,
     * String)}.
     */
    int[] codesIn(CanonicalEncoder out) {
      return out.componentCodes(this);
    }
  }

  enum Kind {
    LONG,
    INT,
    BOOLEAN,
    OBJECT
  }

  /** Marks a class walked without a shape: not a record, or one Jackson writes otherwise. */
  private static final Shape NONE =
      new Shape(Object.class, new String[0], new Kind[0], new MethodHandle[0]);

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          Shape shape = type.isRecord() ? shapeOf(type) : null;
          return shape == null ? NONE : shape;
        }
      };

  private static final MethodType OBJECT_GETTER = MethodType.methodType(Object.class, Object.class);
  private static final MethodType LONG_GETTER = MethodType.methodType(long.class, Object.class);
  private static final MethodType INT_GETTER = MethodType.methodType(int.class, Object.class);
  private static final MethodType BOOLEAN_GETTER =
      MethodType.methodType(boolean.class, Object.class);

  private CanonicalValues() {}

  /**
   * How {@code type} is walked component by component, or null when it is not a record that Jackson
   * writes as its plain components (then only Jackson knows how it is written).
   */
  static Shape shape(Class<?> type) {
    Shape shape = SHAPES.get(type);
    return shape == NONE ? null : shape;
  }

  static void write(CanonicalEncoder out, Object value) {
    switch (value) {
      case null -> out.nullValue();
      case String text -> out.string(text);
      case Long number -> out.integer(number);
      case Integer number -> out.integer(number);
      case Boolean bool -> out.bool(bool);
      case NodeId node -> out.string(node.name());
      case JsonNode tree -> writeTree(out, tree);
      case Short number -> out.integer(number);
      case Byte number -> out.integer(number);
      case Enum<?> constant when isPlain(constant.getDeclaringClass()) ->
          out.string(constant.name());
      case List<?> items when items instanceof RandomAccess -> writeList(out, items);
      case Collection<?> items -> writeArray(out, items);
      case Map<?, ?> map when hasStringKeys(map) -> writeMap(out, map);
      default -> writeOther(out, value);
    }
  }

  /**
   * The members of a protocol record's fields, which join the line's own members: a JSON object's,
   * a plain record's components, or the members of Jackson's tree of anything else.
   */
  static void writeMembers(CanonicalEncoder out, String type, Object fields) {
    Shape shape = fields == null ? NONE : SHAPES.get(fields.getClass());
    if (shape != NONE) {
      writeComponents(out, shape, fields);
      return;
    }
    JsonNode tree = fields instanceof JsonNode node ? node : FieldWriter.MAPPER.valueToTree(fields);
    if (!tree.isObject()) {
      throw new IllegalArgumentException("fields of a " + type + " record must form an object");
    }
    for (Map.Entry<String, JsonNode> member : tree.properties()) {
      out.name(member.getKey());
      writeTree(out, member.getValue());
    }
  }

  private static void writeOther(CanonicalEncoder out, Object value) {
    Shape shape = SHAPES.get(value.getClass());
    if (shape == NONE) {
      writeTree(out, FieldWriter.MAPPER.valueToTree(value));
      return;
    }
    out.startObject();
    writeComponents(out, shape, value);
    out.end();
  }

  private static void writeComponents(CanonicalEncoder out, Shape shape, Object record) {
    String[] names = shape.names;
    int[] codes = shape.codesIn(out);
    try {
      for (int i = 0; i < names.length; i++) {
        MethodHandle accessor = shape.accessors[i];
        switch (shape.kinds[i]) {
          case LONG -> out.integerMember(codes, i, names[i], (long) accessor.invokeExact(record));
          case INT -> out.integerMember(codes, i, names[i], (int) accessor.invokeExact(record));
          case BOOLEAN -> {
            out.name(codes, i, names[i]);
            out.bool((boolean) accessor.invokeExact(record));
          }
          case OBJECT -> {
            out.name(codes, i, names[i]);
            write(out, (Object) accessor.invokeExact(record));
          }
        }
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("reading a record component failed", e);
    }
  }

  /** By index: no iterator per list (an AppendEntries' entries). */
  private static void writeList(CanonicalEncoder out, List<?> items) {
    out.startArray();
    for (int i = 0; i < items.size(); i++) {
      write(out, items.get(i));
    }
    out.end();
  }

  private static void writeArray(CanonicalEncoder out, Collection<?> items) {
    out.startArray();
    for (Object item : items) {
      write(out, item);
    }
    out.end();
  }

  /** Maps are written sorted by key (the trace mapper's ORDER_MAP_ENTRIES_BY_KEYS). */
  private static void writeMap(CanonicalEncoder out, Map<?, ?> map) {
    Map<?, ?> sorted = sortedByKey(map);
    out.startObject();
    for (Map.Entry<?, ?> entry : sorted.entrySet()) {
      out.name((String) entry.getKey());
      write(out, entry.getValue());
    }
    out.end();
  }

  /**
   * The map in the order both encodings write its entries: by key, as the trace mapper's
   * ORDER_MAP_ENTRIES_BY_KEYS sorts them, so that the JSON and the fingerprint agree.
   */
  static Map<?, ?> sortedByKey(Map<?, ?> map) {
    return map instanceof SortedMap<?, ?> ? map : new TreeMap<>(map);
  }

  /**
   * Whether every key is a string: only such maps are written as JSON objects by both encodings.
   */
  static boolean hasStringKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /** A JSON tree, as read from a trace file or built by Jackson. */
  static void writeTree(CanonicalEncoder out, JsonNode tree) {
    switch (tree.getNodeType()) {
      case OBJECT -> {
        out.startObject();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
          out.name(field.getKey());
          writeTree(out, field.getValue());
        }
        out.end();
      }
      case ARRAY -> {
        out.startArray();
        for (JsonNode item : tree) {
          writeTree(out, item);
        }
        out.end();
      }
      case STRING -> out.string(tree.textValue());
      case BOOLEAN -> out.bool(tree.booleanValue());
      case NUMBER -> writeNumber(out, tree);
      case NULL, MISSING -> out.nullValue();
      default -> out.string(tree.asText()); // Binary and POJO nodes: as their text.
    }
  }

  private static void writeNumber(CanonicalEncoder out, JsonNode number) {
    if (number.isIntegralNumber()) {
      if (number.canConvertToLong()) {
        out.integer(number.longValue());
      } else {
        BigInteger big = number.bigIntegerValue();
        out.numberText(big.toString());
      }
      return;
    }
    out.numberText(number.isFloat() ? Float.toString(number.floatValue()) : number.asText());
  }

  /** A record Jackson writes as its components, in order, with nothing renamed or added. */
  private static Shape shapeOf(Class<?> type) {
    if (!isPlain(type)) {
      return null;
    }
    RecordComponent[] components = type.getRecordComponents();
    List<String> jacksonNames = jacksonPropertyNames(type);
    if (jacksonNames == null || jacksonNames.size() != components.length) {
      return null;
    }
    String[] names = new String[components.length];
    Kind[] kinds = new Kind[components.length];
    MethodHandle[] accessors = new MethodHandle[components.length];
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      if (!component.getName().equals(jacksonNames.get(i))
          || component.getAnnotations().length > 0
          || component.getAccessor().getAnnotations().length > 0) {
        return null;
      }
      names[i] = component.getName();
      kinds[i] = kindOf(component.getType());
      MethodType getter =
          switch (kinds[i]) {
            case LONG -> LONG_GETTER;
            case INT -> INT_GETTER;
            case BOOLEAN -> BOOLEAN_GETTER;
            case OBJECT -> OBJECT_GETTER;
          };
      try {
        component.getAccessor().setAccessible(true);
        accessors[i] = lookup.unreflect(component.getAccessor()).asType(getter);
      } catch (IllegalAccessException | RuntimeException e) {
        return null; // Not reachable here: Jackson's tree knows how.
      }
    }
    return new Shape(type, names, kinds, accessors);
  }

  private static Kind kindOf(Class<?> type) {
    if (type == long.class) {
      return Kind.LONG;
    }
    if (type == int.class) {
      return Kind.INT;
    }
    return type == boolean.class ? Kind.BOOLEAN : Kind.OBJECT;
  }

  private static List<String> jacksonPropertyNames(Class<?> type) {
    try {
      SerializationConfig config = FieldWriter.MAPPER.getSerializationConfig();
      JavaType javaType = config.constructType(type);
      List<String> names = new ArrayList<>();
      for (BeanPropertyDefinition property : config.introspect(javaType).findProperties()) {
        if (property.couldSerialize()) {
          names.add(property.getName());
        }
      }
      return names;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static final ClassValue<Boolean> PLAIN =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          if (hasJackson(type.getAnnotations())) {
            return false;
          }
          for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
            if (hasJackson(method.getAnnotations())) {
              return false;
            }
          }
          for (java.lang.reflect.Field field : type.getDeclaredFields()) {
            if (hasJackson(field.getAnnotations())) {
              return false;
            }
          }
          return true;
        }
      };

  /** No Jackson annotation on the class or its members: its default serialization applies. */
  static boolean isPlain(Class<?> type) {
    return PLAIN.get(type);
  }

  private static boolean hasJackson(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().getPackageName().startsWith("com.fasterxml.jackson")) {
        return true;
      }
    }
    return false;
  }
}
