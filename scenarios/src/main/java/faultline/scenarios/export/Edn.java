package faultline.scenarios.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes JSON values as EDN (extensible data notation, the Clojure data format Jepsen's histories
 * are written in): null as {@code nil}, arrays as vectors, objects as maps whose keys become
 * keywords when they are valid keyword names, strings with EDN's escapes.
 */
final class Edn {
  private static final Pattern KEYWORD = Pattern.compile("[A-Za-z*!_?+<>=-][A-Za-z0-9*!_?+<>=.-]*");

  private Edn() {}

  /** A keyword for a name, such as {@code :invoke}; a name no keyword can hold stays a string. */
  static String keyword(String name) {
    return isKeyword(name) ? ":" + name : string(name);
  }

  static boolean isKeyword(String name) {
    return KEYWORD.matcher(name).matches()
        && !name.equals("nil")
        && !name.equals("true")
        && !name.equals("false");
  }

  static String value(JsonNode value) {
    StringBuilder text = new StringBuilder();
    append(text, value);
    return text.toString();
  }

  static void append(StringBuilder text, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      text.append("nil");
    } else if (value.isTextual()) {
      text.append(string(value.textValue()));
    } else if (value.isNumber() || value.isBoolean()) {
      text.append(value.asText());
    } else if (value.isArray()) {
      text.append('[');
      for (int i = 0; i < value.size(); i++) {
        text.append(i > 0 ? " " : "");
        append(text, value.get(i));
      }
      text.append(']');
    } else {
      text.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        text.append(first ? "" : ", ").append(keyword(field.getKey())).append(' ');
        append(text, field.getValue());
        first = false;
      }
      text.append('}');
    }
  }

  static String string(String value) {
    StringBuilder text = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.append('"').toString();
  }
}
