package faultline.engine.trace;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.trace.TraceEvent.At;
import java.util.ArrayList;
import java.util.List;

/**
 * The event types the engine writes, by their {@code type} name, and how each is read back from a
 * line's fields; every other type is a protocol's record. A test keeps {@link #NAMES} equal to the
 * records of {@link TraceEvent}.
 */
public final class TraceEventTypes {
  /** The engine's event types, in the order {@link TraceEvent} declares them. */
  public static final List<String> NAMES =
      List.of(
          "start",
          "restart",
          "send",
          "deliver",
          "drop",
          "timer",
          "state",
          "note",
          "crash",
          "pause",
          "resume",
          "clock",
          "partition",
          "heal",
          "block",
          "unblock",
          "link",
          "violation",
          "halt");

  private TraceEventTypes() {}

  public static boolean isEngineType(String type) {
    return NAMES.contains(type);
  }

  static TraceEvent decode(String type, At at, TraceLines.Fields fields) {
    return switch (type) {
      case "start" -> new TraceEvent.Start(at);
      case "restart" -> new TraceEvent.Restart(at);
      case "send" ->
          new TraceEvent.Send(
              at,
              fields.text("to"),
              fields.number("id"),
              fields.text("msg"),
              fields.value("payload"));
      case "deliver" ->
          new TraceEvent.Deliver(
              at,
              fields.text("from"),
              fields.number("id"),
              fields.optionalInteger("copy", 1),
              fields.text("msg"));
      case "drop" ->
          new TraceEvent.Drop(
              at,
              fields.text("from"),
              fields.text("to"),
              fields.number("id"),
              fields.text("msg"),
              fields.text("reason"));
      case "timer" ->
          new TraceEvent.Timer(
              at, fields.text("timer"), fields.optionalNumber("dueT", at.timeNanos()));
      case "state" -> new TraceEvent.State(at, fields.value("state"));
      case "note" -> new TraceEvent.Note(at, fields.text("text"));
      case "crash" ->
          new TraceEvent.Crash(
              at,
              fields.bool("loseUnsyncedWrites"),
              fields.integer("lostWrites"),
              fields.optionalInteger("droppedWhilePaused", 0));
      case "pause" -> new TraceEvent.Pause(at, fields.number("durationNanos"));
      case "resume" -> new TraceEvent.Resume(at, fields.integer("deferred"));
      case "clock" -> clock(at, fields);
      case "partition" -> new TraceEvent.Partition(at, groups(fields.value("groups")));
      case "heal" -> new TraceEvent.Heal(at);
      case "block" -> new TraceEvent.Block(at, fields.text("from"), fields.text("to"));
      case "unblock" -> new TraceEvent.Unblock(at, fields.text("from"), fields.text("to"));
      case "link" ->
          new TraceEvent.Link(
              at,
              fields.text("from"),
              fields.text("to"),
              fields.optionalValue("latency"),
              fields.optionalText("loss"),
              fields.optionalText("duplicate"),
              fields.optionalText("reorder"),
              fields.optionalBool("fifo"));
      case "violation" ->
          new TraceEvent.Violation(at, fields.text("invariant"), fields.text("message"));
      case "halt" -> new TraceEvent.Halt(at, fields.text("reason"));
      default -> throw new IllegalArgumentException("not an engine event type: " + type);
    };
  }

  private static TraceEvent clock(At at, TraceLines.Fields fields) {
    String change = fields.text("change");
    String field;
    try {
      field = TraceWriter.clockField(change);
    } catch (IllegalArgumentException e) {
      throw new MalformedTraceException("change", e.getMessage());
    }
    return new TraceEvent.Clock(at, change, fields.number(field));
  }

  private static List<List<String>> groups(JsonNode value) {
    if (!value.isArray()) {
      throw new MalformedTraceException("groups", "expected an array of arrays of node names");
    }
    List<List<String>> groups = new ArrayList<>();
    for (JsonNode group : value) {
      List<String> members = new ArrayList<>();
      if (!group.isArray()) {
        throw new MalformedTraceException("groups", "expected an array of node names: " + group);
      }
      for (JsonNode member : group) {
        if (!member.isTextual()) {
          throw new MalformedTraceException("groups", "a node name is not a string: " + member);
        }
        members.add(member.textValue());
      }
      groups.add(members);
    }
    return groups;
  }
}
