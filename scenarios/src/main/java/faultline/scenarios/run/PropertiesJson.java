package faultline.scenarios.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.check.EventuallyResult;
import faultline.engine.check.SometimesResult;
import java.util.List;

/**
 * A run's sometimes and eventually properties as JSON, in two shapes: in full for {@code run
 * --json} (one object per property, with its description and when it was reached or judged), and
 * compact for a sweep's result line (property name to reached, or to its status), which {@code
 * sweep merge} reads back.
 */
public final class PropertiesJson {
  private PropertiesJson() {}

  /**
   * {@code [{"property", "description", "reached", "seq", "timeNanos"}]}, seq and time when
   * reached.
   */
  public static ArrayNode sometimes(List<SometimesResult> results) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (SometimesResult result : results) {
      ObjectNode item = array.addObject();
      item.put("property", result.property());
      item.put("description", result.description());
      item.put("reached", result.reached());
      if (result.reached()) {
        item.put("seq", result.seq());
        item.put("timeNanos", result.timeNanos());
      }
    }
    return array;
  }

  /** {@code [{"property", "description", "status", "seq", "timeNanos", "message"}]}. */
  public static ArrayNode eventually(List<EventuallyResult> results) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (EventuallyResult result : results) {
      ObjectNode item = array.addObject();
      item.put("property", result.property());
      item.put("description", result.description());
      item.put("status", result.status().label());
      if (result.status() != EventuallyResult.Status.NOT_JUDGED) {
        item.put("seq", result.seq());
        item.put("timeNanos", result.timeNanos());
      }
      if (!result.message().isEmpty()) {
        item.put("message", result.message());
      }
    }
    return array;
  }

  /** {@code {"name": true|false}}, sorted by name: a sweep line's coverage. */
  public static ObjectNode reachedByName(List<SometimesResult> results) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    results.stream()
        .sorted((a, b) -> a.property().compareTo(b.property()))
        .forEach(result -> object.put(result.property(), result.reached()));
    return object;
  }

  /** {@code {"name": "held"|"failed"|"not judged"}}, sorted by name. */
  public static ObjectNode statusByName(List<EventuallyResult> results) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    results.stream()
        .sorted((a, b) -> a.property().compareTo(b.property()))
        .forEach(result -> object.put(result.property(), result.status().label()));
    return object;
  }
}
