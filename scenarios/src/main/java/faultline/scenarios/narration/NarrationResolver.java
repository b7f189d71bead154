package faultline.scenarios.narration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.node.NodeId;
import faultline.engine.trace.TraceLines;
import faultline.scenarios.model.Narration;
import faultline.scenarios.model.Narration.EventSelector;
import faultline.scenarios.model.Narration.Step;
import faultline.scenarios.parse.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds each narration step's moment in a run's trace lines. A step given by time is at that time;
 * a step given by a selector is at the event it picks. At the run the narration was written for
 * (the scenario's own seed and length) a selector that picks nothing is the author's mistake: a
 * {@link ScenarioException} at the step, naming it. At any other seed the step is left out and said
 * so, because a different run may well lack the moment.
 */
public final class NarrationResolver {
  private NarrationResolver() {}

  /**
   * The steps found, and a sentence for each step that was left out.
   *
   * @param steps the steps found, in narration order, numbered as written
   * @param missing one line per step that found nothing (only when not strict)
   */
  public record Resolution(List<ResolvedStep> steps, List<String> missing) {
    public Resolution {
      steps = List.copyOf(steps);
      missing = List.copyOf(missing);
    }
  }

  /**
   * Resolves every step against a trace.
   *
   * @param lines the trace's JSON lines, header and end line included or not
   * @param seed the run's seed, for messages
   * @param strict whether a step that finds nothing is an error (the narration's own run)
   * @throws ScenarioException at the first step that finds nothing, when strict
   */
  public static Resolution resolve(
      Narration narration, List<String> lines, long seed, boolean strict) {
    List<ResolvedStep> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    int total = narration.steps().size();
    for (Step step : narration.steps()) {
      long timeNanos = step.atNanos();
      int event = -1;
      if (step.event() != null) {
        ObjectNode record = find(step.event(), lines);
        if (record == null) {
          String reason =
              "step "
                  + step.number()
                  + " finds nothing: no event in this run (seed "
                  + seed
                  + ") is "
                  + step.event().describe();
          if (strict) {
            throw step.spot().error(reason);
          }
          missing.add("narration " + reason);
          continue;
        }
        event = record.get("seq").asInt() - 1;
        timeNanos = record.get("t").asLong();
      }
      found.add(resolved(step, total, timeNanos, event));
    }
    return new Resolution(found, missing);
  }

  private static ResolvedStep resolved(Step step, int total, long timeNanos, int event) {
    long start = -1;
    long end = -1;
    if (step.zoom() != null) {
      start = step.zoom().startNanos(timeNanos);
      end = step.zoom().endNanos(timeNanos);
    }
    return new ResolvedStep(
        step.number(),
        total,
        step.caption(),
        timeNanos,
        event,
        step.highlight().stream().map(NodeId::toString).toList(),
        start,
        end);
  }

  /** The event record the selector picks, or null. */
  static ObjectNode find(EventSelector selector, List<String> lines) {
    String typeText = "\"type\":\"" + selector.type() + "\"";
    String nodeText = selector.node() == null ? null : "\"node\":\"" + selector.node() + "\"";
    int matches = 0;
    for (String line : lines) {
      if (!line.contains(typeText) || (nodeText != null && !line.contains(nodeText))) {
        continue; // Cheap text test first: most lines are sends and deliveries.
      }
      ObjectNode record = TraceLines.object(line);
      if (matches(selector, record) && ++matches == selector.nth()) {
        return record;
      }
    }
    return null;
  }

  static boolean matches(EventSelector selector, ObjectNode record) {
    if (!selector.type().equals(record.path("type").asText())
        || !record.has("seq")
        || record.path("t").asLong() < selector.afterNanos()) {
      return false;
    }
    if (selector.node() != null
        && !selector.node().toString().equals(record.path("node").asText())) {
      return false;
    }
    for (Map.Entry<String, String> field : selector.where().entrySet()) {
      JsonNode value = record;
      for (String name : field.getKey().split("\\.")) {
        value = value.path(name);
      }
      if (value.isMissingNode() || !value.toString().equals(field.getValue())) {
        return false;
      }
    }
    return true;
  }
}
