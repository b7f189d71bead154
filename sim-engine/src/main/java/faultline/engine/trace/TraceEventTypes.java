package faultline.engine.trace;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.lookup.LookupSet;
import faultline.engine.trace.TraceEvent.At;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The registry of trace event types, derived from the sealed {@link TraceEvent} family: each of its
 * records but {@link TraceEvent.ProtocolRecord} is one engine type, named by its class name in
 * lower case ({@code Deliver} writes {@code deliver}), in the order the family declares them.
 * Readers, the timeline and the documentation follow {@link #NAMES}, so a record added to the
 * family is a new type everywhere at once; every other name is a protocol's record, except the
 * names a trace file reserves for its own lines ({@link #FILE_LINES}).
 */
public final class TraceEventTypes {
  // A record's name, computed once per class: readers ask for it on every event.
  private static final ClassValue<String> NAME =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> record) {
          return record.getSimpleName().toLowerCase(Locale.ROOT);
        }
      };

  /** The engine's event records, in the order {@link TraceEvent} declares them. */
  public static final List<Class<? extends TraceEvent>> RECORDS = engineRecords();

  /** The engine's event types, one per record of {@link #RECORDS}, in the same order. */
  public static final List<String> NAMES = RECORDS.stream().map(TraceEventTypes::nameOf).toList();

  /** The types of a trace file's first and last lines, which no event may have. */
  public static final List<String> FILE_LINES = List.of("header", "end");

  private static final LookupSet<String> ENGINE = lookup(NAMES);
  private static final LookupSet<String> RESERVED = reserved();

  private TraceEventTypes() {}

  /** The {@code type} an engine record writes: its simple class name in lower case. */
  public static String nameOf(Class<? extends TraceEvent> record) {
    return NAME.get(record);
  }

  public static boolean isEngineType(String type) {
    return ENGINE.contains(type);
  }

  /**
   * Whether a protocol may record events of this type: not an engine type and not a file line, so
   * that a reader never mistakes a protocol's record for one of those.
   */
  public static boolean isFreeForProtocols(String type) {
    return !RESERVED.contains(type);
  }

  @SuppressWarnings("unchecked")
  private static List<Class<? extends TraceEvent>> engineRecords() {
    List<Class<? extends TraceEvent>> records = new ArrayList<>();
    for (Class<?> permitted : TraceEvent.class.getPermittedSubclasses()) {
      if (permitted != TraceEvent.ProtocolRecord.class) {
        records.add((Class<? extends TraceEvent>) permitted);
      }
    }
    return List.copyOf(records);
  }

  private static LookupSet<String> lookup(List<String> names) {
    LookupSet<String> set = new LookupSet<>();
    set.addAll(names);
    return set;
  }

  private static LookupSet<String> reserved() {
    LookupSet<String> names = lookup(NAMES);
    names.addAll(FILE_LINES);
    return names;
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
