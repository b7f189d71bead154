package faultline.scenarios.shrink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.scenarios.parse.Durations;
import java.util.Iterator;
import java.util.Map;

/**
 * One fault of a scenario's {@code faults} list: when it happens, and the rest of its entry ({@code
 * type} and that type's fields) exactly as a scenario file writes it.
 *
 * @param atNanos when it happens, in true time
 * @param body the entry without {@code at}; never changed once built
 * @param rank its place in the original scenario's run order, which breaks ties between faults at
 *     the same time: the engine applies those in list order, so a shrunk list keeps that order
 */
record TimedFault(long atNanos, ObjectNode body, int rank) {
  String type() {
    return body.get("type").textValue();
  }

  TimedFault at(long nanos) {
    return new TimedFault(nanos, body, rank);
  }

  /** The same fault with one field of its body replaced. */
  TimedFault with(String field, JsonNode value) {
    ObjectNode changed = body.deepCopy();
    changed.set(field, value);
    return new TimedFault(atNanos, changed, rank);
  }

  /** The entry as a scenario file writes it: {@code at} first, then the body's fields in order. */
  ObjectNode toJson() {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("at", Durations.format(atNanos));
    Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      entry.set(field.getKey(), field.getValue().deepCopy());
    }
    return entry;
  }
}
