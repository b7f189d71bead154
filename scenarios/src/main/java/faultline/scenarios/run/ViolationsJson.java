package faultline.scenarios.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.check.Violation;
import java.util.List;

/**
 * A run's violations as {@code run --json} and {@code sweep} write them: one object per violation
 * with {@code invariant}, {@code seq}, {@code timeNanos}, {@code node} (null when no one node is to
 * blame) and {@code message}. One place, so the two outputs cannot drift apart.
 */
public final class ViolationsJson {
  private ViolationsJson() {}

  public static ArrayNode of(List<Violation> violations) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Violation violation : violations) {
      ObjectNode item = array.addObject();
      item.put("invariant", violation.invariant());
      item.put("seq", violation.seq());
      item.put("timeNanos", violation.timeNanos());
      if (violation.node() == null) {
        item.putNull("node");
      } else {
        item.put("node", violation.node().name());
      }
      item.put("message", violation.message());
    }
    return array;
  }
}
