package faultline.protocols.raft;

import faultline.engine.Check;
import java.util.List;

/**
 * One key-value operation: {@code get}, {@code put} (replace), {@code append} (concatenate) or
 * {@code cas} (replace {@code expected} by {@code value}, only when the key holds {@code
 * expected}). A missing key holds the empty string.
 */
public record KvOperation(String f, String key, String value, String expected) {
  static final List<String> FUNCTIONS = List.of("get", "put", "append", "cas");

  public KvOperation {
    Check.argument(FUNCTIONS.contains(f), "unknown operation %s", f);
    Check.argument(key != null, "key is required");
  }

  boolean isRead() {
    return f.equals("get");
  }

  String describe() {
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
