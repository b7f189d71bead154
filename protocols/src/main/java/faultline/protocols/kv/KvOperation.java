package faultline.protocols.kv;

import java.util.List;

/**
 * One key-value operation: {@code get}, {@code put} (replace), {@code append} (concatenate) or
 * {@code cas} (replace {@code expected} by {@code value}, only when the key holds {@code
 * expected}). A missing key holds the empty string. These are the operations of the {@code kv}
 * model that {@code check} judges histories against.
 */
public record KvOperation(String f, String key, String value, String expected) {
  /** The four operation names, as histories and scenario files spell them. */
  public static final List<String> FUNCTIONS = List.of("get", "put", "append", "cas");

  public KvOperation {
    // Not Check.argument, whose varargs array was made for every operation a client drew.
    if (!FUNCTIONS.contains(f)) {
      throw new IllegalArgumentException("unknown operation " + f);
    }
    if (key == null) {
      throw new IllegalArgumentException("key is required");
    }
  }

  public static KvOperation get(String key) {
    return new KvOperation("get", key, null, null);
  }

  public static KvOperation put(String key, String value) {
    return new KvOperation("put", key, value, null);
  }

  public static KvOperation append(String key, String value) {
    return new KvOperation("append", key, value, null);
  }

  public static KvOperation cas(String key, String expected, String value) {
    return new KvOperation("cas", key, value, expected);
  }

  // Not named isRead: the trace encodes operations as beans, and an is-getter would add a field.
  /** True for a {@code get}, which changes nothing and may be served without a log entry. */
  public boolean readOnly() {
    return f.equals("get");
  }

  /** A short human form such as {@code cas x "a"->"b"}, for {@code apply} trace events. */
  public String describe() {
    return switch (f) {
      case "get" -> "get " + key;
      case "cas" -> "cas " + key + " " + quote(expected) + "->" + quote(value);
      default -> f + " " + key + " " + quote(value);
    };
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
