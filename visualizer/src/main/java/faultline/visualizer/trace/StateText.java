package faultline.visualizer.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Short, readable renderings of state objects and operations for labels. */
public final class StateText {
  private StateText() {}

  /** {@code value=a writer=n1 lamport=1}, cut to {@code limit} characters with an ellipsis. */
  public static String compact(JsonNode node, int limit) {
    StringBuilder text = new StringBuilder();
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext() && text.length() <= limit) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!text.isEmpty()) {
          text.append(' ');
        }
        text.append(field.getKey()).append('=').append(scalar(field.getValue()));
      }
    } else {
      text.append(scalar(node));
    }
    return cut(text.toString(), limit);
  }

  public static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, Math.max(0, limit - 1)) + "…";
  }

  private static String scalar(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
