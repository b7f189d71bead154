package faultline.scenarios.shrink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON as a person writes a scenario file: a value on one line, with a space after each colon and
 * comma, when it fits; otherwise one member or element per line, indented by two spaces.
 */
final class JsonText {
  static final int WIDTH = 100;

  private JsonText() {}

  /** {@code value}, starting at column {@code indent} after a prefix of {@code used} columns. */
  static String format(JsonNode value, int indent, int used) {
    String compact = compact(value);
    if (indent + used + compact.length() <= WIDTH || !value.isContainerNode() || value.isEmpty()) {
      return compact;
    }
    String inner = " ".repeat(indent + 2);
    List<String> lines = new ArrayList<>();
    if (value.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = quote(field.getKey()) + ": ";
        lines.add(inner + name + format(field.getValue(), indent + 2, name.length()));
      }
    } else {
      value.forEach(element -> lines.add(inner + format(element, indent + 2, 0)));
    }
    String open = value.isObject() ? "{" : "[";
    String close = value.isObject() ? "}" : "]";
    return open + "\n" + String.join(",\n", lines) + "\n" + " ".repeat(indent) + close;
  }

  /** One line: {@code {"at": "2s", "type": "heal"}}. */
  static String compact(JsonNode value) {
    if (value.isObject()) {
      List<String> members = new ArrayList<>();
      value
          .fields()
          .forEachRemaining(
              field -> members.add(quote(field.getKey()) + ": " + compact(field.getValue())));
      return "{" + String.join(", ", members) + "}";
    }
    if (value.isArray()) {
      List<String> elements = new ArrayList<>();
      value.forEach(element -> elements.add(compact(element)));
      return "[" + String.join(", ", elements) + "]";
    }
    return value.toString(); // Jackson's own escaping for strings; numbers as written.
  }

  static String quote(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }
}
