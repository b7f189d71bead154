package faultline.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Freezes what a node puts on its disk, so that a value changed in memory after {@code put} cannot
 * change what the disk holds: otherwise a node that keeps mutating a stored list would see its
 * "unsynced" changes survive a crash that loses unsynced writes, and a missing {@code sync()} would
 * go unpunished.
 *
 * <p>Collections are copied, deeply, into unmodifiable ones (sorted ones stay sorted, others keep
 * their iteration order); a record holding a collection is rebuilt around the copies with its
 * canonical constructor; strings, boxed primitives, enums and records of those are kept as they
 * are, without a copy. Arrays are refused (their elements can always be written), and so is any
 * other class with a field that is not final. This is a shallow test for such classes: a final
 * field may still point at a mutable object, which only the class's own design prevents.
 */
final class StoredValues {
  private static final int DEPTH_MAX = 64;
  private static final ClassValue<Plan> PLANS =
      new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
          return Plan.of(type);
        }
      };

  private StoredValues() {}

  /** The JDK's value classes a node may store: strings, boxed primitives, big numbers. */
  private static boolean isKnownImmutable(Class<?> type) {
    return type == String.class
        || type == Boolean.class
        || type == Character.class
        || type == Byte.class
        || type == Short.class
        || type == Integer.class
        || type == Long.class
        || type == Float.class
        || type == Double.class
        || type == BigInteger.class
        || type == BigDecimal.class;
  }

  /**
   * {@code value}, or a copy of it that no one else holds a reference to; {@code key} only names
   * the value in the error for one that cannot be stored.
   */
  static Object frozen(String key, Object value) {
    return freeze(key, value, 0);
  }

  private static Object freeze(String key, Object value, int depth) {
    if (value == null) {
      return null;
    }
    Check.argument(
        depth < DEPTH_MAX, "storage key %s holds values nested over %d deep", key, DEPTH_MAX);
    Plan plan = PLANS.get(value.getClass());
    return switch (plan.kind) {
      case IMMUTABLE -> value;
      case RECORD -> plan.rebuilt(key, value, depth);
      case SORTED_MAP -> sortedMapCopy(key, (SortedMap<?, ?>) value, depth);
      case MAP -> mapCopy(key, (Map<?, ?>) value, depth);
      case SORTED_SET -> sortedSetCopy(key, (SortedSet<?>) value, depth);
      case SET -> setCopy(key, (Set<?>) value, depth);
      case LIST -> listCopy(key, (Collection<?>) value, depth);
      case REFUSED ->
          throw new IllegalArgumentException(
              String.format("storage key %s cannot hold a %s: %s", key, plan.name, plan.reason));
    };
  }

  private static List<Object> listCopy(String key, Collection<?> list, int depth) {
    List<Object> copy = new ArrayList<>(list.size());
    for (Object element : list) {
      copy.add(freeze(key, element, depth + 1));
    }
    return Collections.unmodifiableList(copy);
  }

  private static Set<Object> setCopy(String key, Set<?> set, int depth) {
    Set<Object> copy = new LinkedHashSet<>();
    for (Object element : set) {
      copy.add(freeze(key, element, depth + 1));
    }
    return Collections.unmodifiableSet(copy);
  }

  @SuppressWarnings("unchecked") // The copy sorts by the original's comparator.
  private static SortedSet<Object> sortedSetCopy(String key, SortedSet<?> set, int depth) {
    SortedSet<Object> copy = new TreeSet<>((java.util.Comparator<Object>) set.comparator());
    for (Object element : set) {
      copy.add(freeze(key, element, depth + 1));
    }
    return Collections.unmodifiableSortedSet(copy);
  }

  private static Map<Object, Object> mapCopy(String key, Map<?, ?> map, int depth) {
    Map<Object, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(freeze(key, k, depth + 1), freeze(key, v, depth + 1)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked") // The copy sorts by the original's comparator.
  private static SortedMap<Object, Object> sortedMapCopy(
      String key, SortedMap<?, ?> map, int depth) {
    SortedMap<Object, Object> copy = new TreeMap<>((java.util.Comparator<Object>) map.comparator());
    map.forEach((k, v) -> copy.put(freeze(key, k, depth + 1), freeze(key, v, depth + 1)));
    return Collections.unmodifiableSortedMap(copy);
  }

  private enum Kind {
    IMMUTABLE,
    RECORD,
    SORTED_MAP,
    MAP,
    SORTED_SET,
    SET,
    LIST,
    REFUSED
  }

  /** How values of one class are frozen, worked out once per class. */
  private static final class Plan {
    final Kind kind;
    final String name;
    final String reason;
    // RECORD only: the canonical constructor, an accessor for every component, and which of them
    // may need a copy (not primitive, string, boxed and enum components, which never do).
    private final MethodHandle canonical;
    private final MethodHandle[] accessors;
    private final boolean[] mayNeedCopy;

    private Plan(Kind kind, Class<?> type, String reason) {
      this(kind, type, reason, null, null, null);
    }

    private Plan(
        Kind kind,
        Class<?> type,
        String reason,
        MethodHandle canonical,
        MethodHandle[] accessors,
        boolean[] mayNeedCopy) {
      this.kind = kind;
      this.name = type.getName();
      this.reason = reason;
      this.canonical = canonical;
      this.accessors = accessors;
      this.mayNeedCopy = mayNeedCopy;
    }

    static Plan of(Class<?> type) {
      if (isKnownImmutable(type) || type.isEnum() || type.getSuperclass() == Enum.class) {
        return new Plan(Kind.IMMUTABLE, type, null);
      }
      if (type.isArray()) {
        return new Plan(Kind.REFUSED, type, "an array's elements can be changed; store a List");
      }
      if (type.isRecord()) {
        return ofRecord(type);
      }
      if (SortedMap.class.isAssignableFrom(type)) {
        return new Plan(Kind.SORTED_MAP, type, null);
      }
      if (Map.class.isAssignableFrom(type)) {
        return new Plan(Kind.MAP, type, null);
      }
      if (SortedSet.class.isAssignableFrom(type)) {
        return new Plan(Kind.SORTED_SET, type, null);
      }
      if (Set.class.isAssignableFrom(type)) {
        return new Plan(Kind.SET, type, null);
      }
      if (Collection.class.isAssignableFrom(type)) {
        return new Plan(Kind.LIST, type, null);
      }
      String field = firstNonFinalField(type);
      return field == null
          ? new Plan(Kind.IMMUTABLE, type, null)
          : new Plan(
              Kind.REFUSED,
              type,
              "its field '" + field + "' is not final; store a record or an immutable class");
    }

    private static Plan ofRecord(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      MethodHandle[] accessors = new MethodHandle[components.length];
      boolean[] mayNeedCopy = new boolean[components.length];
      boolean anyToCopy = false;
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (int i = 0; i < components.length; i++) {
          types[i] = components[i].getType();
          var accessor = components[i].getAccessor();
          accessor.setAccessible(true);
          accessors[i] = lookup.unreflect(accessor);
          mayNeedCopy[i] = !neverCopied(types[i], new ArrayList<>(List.of(type)));
          anyToCopy |= mayNeedCopy[i];
        }
        if (!anyToCopy) {
          return new Plan(Kind.IMMUTABLE, type, null);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return new Plan(
            Kind.RECORD,
            type,
            null,
            lookup.unreflectConstructor(constructor),
            accessors,
            mayNeedCopy);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return new Plan(
            Kind.REFUSED, type, "its components cannot be copied (" + e.getMessage() + ")");
      }
    }

    /**
     * True for primitive, string, boxed and enum components, and for records (final, so the
     * component's class is the value's) of only such components, however deeply nested: a Raft log
     * entry and the client command in it are kept as they are instead of being taken apart and
     * checked on every put. {@code visiting} holds the records on the way here; a record met again
     * (a recursive type) may need a copy.
     */
    private static boolean neverCopied(Class<?> type, List<Class<?>> visiting) {
      if (type.isPrimitive() || isKnownImmutable(type) || type.isEnum()) {
        return true;
      }
      if (!type.isRecord() || visiting.contains(type)) {
        return false;
      }
      visiting.add(type);
      for (RecordComponent component : type.getRecordComponents()) {
        if (!neverCopied(component.getType(), visiting)) {
          return false;
        }
      }
      visiting.remove(type);
      return true;
    }

    private static String firstNonFinalField(Class<?> type) {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          int modifiers = field.getModifiers();
          if (!Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)) {
            return c.getSimpleName() + "." + field.getName();
          }
        }
      }
      return null;
    }

    /** The record itself when no component needed a copy, otherwise one built around copies. */
    Object rebuilt(String key, Object record, int depth) {
      Object[] arguments = null;
      try {
        for (int i = 0; i < accessors.length; i++) {
          if (!mayNeedCopy[i]) {
            continue;
          }
          Object component = accessors[i].invoke(record);
          Object frozen = freeze(key, component, depth + 1);
          if (frozen != component && arguments == null) {
            arguments = allComponents(record);
          }
          if (arguments != null) {
            arguments[i] = frozen;
          }
        }
        return arguments == null ? record : canonical.invokeWithArguments(arguments);
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalArgumentException(
            String.format("storage key %s: cannot copy a %s: %s", key, name, e), e);
      }
    }

    private Object[] allComponents(Object record) throws Throwable {
      Object[] values = new Object[accessors.length];
      for (int i = 0; i < accessors.length; i++) {
        values[i] = accessors[i].invoke(record);
      }
      return values;
    }
  }
}
