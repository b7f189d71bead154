package faultline.visualizer.viewmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import faultline.engine.trace.TraceEvent;
import faultline.visualizer.paint.Durations;
import faultline.visualizer.trace.EventKind;
import faultline.visualizer.trace.Message;
import faultline.visualizer.trace.Timeline;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The text of the inspection pane for one event: what it is, its clocks, the node's state at that
 * moment (with the logical-clock stamps the protocol keeps there), the message and its fate, the
 * full record, and how many events it is causally related to.
 */
public final class Inspector {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Inspector() {}

  public static String describe(Timeline timeline, int event, BitSet before, BitSet after) {
    if (event < 0 || event >= timeline.eventCount()) {
      return "Click an event or a message arrow to inspect it.";
    }
    JsonNode record = parse(timeline.line(event));
    StringBuilder text = new StringBuilder();
    int lane = timeline.lane(event);
    text.append(
        String.format(
            Locale.ROOT,
            "seq %d  %s  at t=%s%s%n",
            event + 1,
            timeline.kind(event).label().equals("other")
                ? record.path("type").asText()
                : timeline.kind(event).label(),
            Durations.format(timeline.timeNanos(event)),
            lane >= 0 ? "  on " + timeline.nodes().get(lane) : ""));
    clocks(text, timeline, event);
    message(text, timeline, event);
    if (timeline.event(event) instanceof TraceEvent.Violation violation) {
      text.append("\nVIOLATION ")
          .append(violation.invariant())
          .append('\n')
          .append(violation.message())
          .append('\n');
    }
    state(text, timeline, event);
    text.append(
        String.format(
            Locale.ROOT,
            "%nCausality (ground truth): %,d events happened before it (orange), "
                + "it could have influenced %,d (blue).%n",
            before.cardinality(),
            after.cardinality()));
    text.append("\nRecord:\n").append(pretty(record)).append('\n');
    return text.toString();
  }

  private static void clocks(StringBuilder text, Timeline timeline, int event) {
    long wall = timeline.wallNanos(event);
    if (wall == Timeline.NO_CLOCK) {
      return;
    }
    long offset = wall - timeline.timeNanos(event);
    text.append(
        String.format(
            Locale.ROOT,
            "clocks: wall %s (%s from true time), monotonic %s%n",
            Durations.format(wall),
            Durations.signed(offset),
            Durations.format(timeline.monoNanos(event))));
  }

  private static void message(StringBuilder text, Timeline timeline, int event) {
    Message message = timeline.messageOf(event);
    if (message == null) {
      return;
    }
    String from = message.from() < 0 ? "?" : timeline.nodes().get(message.from());
    String to = message.to() < 0 ? "?" : timeline.nodes().get(message.to());
    text.append(
        String.format(
            Locale.ROOT,
            "%nmessage #%d %s  %s → %s, sent at %s%n",
            message.id(),
            message.type(),
            from,
            to,
            Durations.format(timeline.timeNanos(message.sendIndex()))));
    if (message.delivered()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  delivered at %s (seq %d)%n",
              Durations.format(timeline.timeNanos(message.deliverIndex())),
              message.deliverIndex() + 1));
    }
    if (message.duplicated()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  duplicated: delivered again at %s (seq %d)%n",
              Durations.format(timeline.timeNanos(message.duplicateIndex())),
              message.duplicateIndex() + 1));
    }
    if (message.dropped()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  dropped at %s: %s (seq %d)%n",
              Durations.format(timeline.timeNanos(message.dropIndex())),
              message.dropReason(),
              message.dropIndex() + 1));
    }
    if (message.inFlight()) {
      text.append("  still in flight when the run ended\n");
    }
    if (timeline.event(message.sendIndex()) instanceof TraceEvent.Send send) {
      text.append("payload: ").append(pretty(send.payload())).append('\n');
    }
  }

  /** The node's last recorded state at or before the event. */
  private static void state(StringBuilder text, Timeline timeline, int event) {
    int current = event;
    int steps = 0;
    while (current >= 0 && timeline.kind(current) != EventKind.STATE && steps++ < 1_000_000) {
      if (timeline.kind(current) == EventKind.CRASH) {
        text.append("\nstate: none since the crash\n");
        return;
      }
      current = timeline.previousOnLane(current);
    }
    if (current < 0 || timeline.kind(current) != EventKind.STATE) {
      return;
    }
    if (!(timeline.event(current) instanceof TraceEvent.State recorded)) {
      return;
    }
    JsonNode state = recorded.state();
    text.append(
        String.format(
            Locale.ROOT,
            "%nstate of %s (recorded at seq %d):%n",
            timeline.nodes().get(timeline.lane(current)),
            current + 1));
    text.append(pretty(state)).append('\n');
    stamps(text, state);
  }

  /** Calls out Lamport, vector and hybrid-logical-clock stamps by their usual field names. */
  private static void stamps(StringBuilder text, JsonNode state) {
    StringBuilder stamps = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> fields = state.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey().toLowerCase(Locale.ROOT);
      if (name.contains("lamport") || name.contains("vector") || name.startsWith("hlc")) {
        stamps
            .append("  ")
            .append(field.getKey())
            .append(" = ")
            .append(field.getValue())
            .append('\n');
      }
    }
    if (!stamps.isEmpty()) {
      text.append("logical clocks:\n").append(stamps);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode().put("unreadable", line);
    }
  }

  private static String pretty(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return node.toString();
    }
  }
}
