package faultline.engine.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One event of a {@code faultline-trace}: the typed form of a trace line. The engine writes events
 * through {@link TraceWriter}'s method of the same name (without building these records, which
 * would cost an allocation per event), {@link TraceLines} reads lines back into these records, and
 * {@link #writeTo} writes a record again through the same method, so one codec serves both ways.
 *
 * <p>Protocol-defined values (a message's payload, a state, a protocol record's fields) are kept as
 * the JSON trees the trace holds: a reader knows the trace, not the protocol's classes.
 */
public sealed interface TraceEvent {
  /** Where and when: the fields every event line starts with. */
  At at();

  /**
   * The line's {@code type}: for the engine's records, their class name in lower case, the one name
   * {@link TraceEventTypes} derives from this sealed family; a protocol record carries its own.
   */
  default String type() {
    return TraceEventTypes.nameOf(getClass());
  }

  /** Writes this event again through the writer method that wrote it first. */
  void writeTo(TraceWriter writer);

  /**
   * The common fields of an event line.
   *
   * @param seq the event's sequence number, from 1
   * @param timeNanos true time ({@code t})
   * @param node the node the event happened on, or null for an event of the whole run
   * @param wallNanos the node's wall clock then ({@code wall}); 0 without a node
   * @param monoNanos the node's monotonic clock then ({@code mono}); 0 without a node
   */
  record At(long seq, long timeNanos, String node, long wallNanos, long monoNanos) {
    /** An event of the whole run: no node, no clock readings. */
    public static At ofRun(long seq, long timeNanos) {
      return new At(seq, timeNanos, null, 0, 0);
    }

    public boolean hasNode() {
      return node != null;
    }
  }

  /** A node booted at the start of the run. */
  record Start(At at) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.start(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos());
    }
  }

  /** A crashed node booted again, from its durable storage. */
  record Restart(At at) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.restart(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos());
    }
  }

  /** {@code at.node()} sent message {@code id} to {@code to}. */
  record Send(At at, String to, long id, String msg, JsonNode payload) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.send(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), to, id, msg, payload);
    }
  }

  /** Copy {@code copy} (from 1; more than one when the network duplicated it) was handled. */
  record Deliver(At at, String from, long id, int copy, String msg) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.deliver(
          at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), from, id, copy, msg);
    }
  }

  /**
   * A message that never reached a handler, on the lane of the node where it ended.
   *
   * @param reason {@code loss}, {@code partition}, {@code blocked} or {@code node-down}
   */
  record Drop(At at, String from, String to, long id, String msg, String reason)
      implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.drop(
          at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), from, to, id, msg, reason);
    }
  }

  /**
   * A timer fired; {@code dueNanos} is when it fell due, earlier than {@code at.timeNanos()} only
   * when the node was paused then ({@code dueT} in the line, written only in that case).
   */
  record Timer(At at, String timer, long dueNanos) implements TraceEvent {
    public boolean late() {
      return dueNanos < at.timeNanos();
    }

    @Override
    public void writeTo(TraceWriter writer) {
      writer.timer(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), timer, dueNanos);
    }
  }

  /** A protocol's state change, such as Raft's {@code {"role":"LEADER","term":3}}. */
  record State(At at, JsonNode state) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.state(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), state);
    }
  }

  /** An annotation for the timeline (also: a fault skipped, and why). */
  record Note(At at, String text) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.note(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), text);
    }
  }

  /**
   * A node crashed.
   *
   * @param lostWrites unsynced writes its storage lost
   * @param droppedWhilePaused messages that had waited for it during a pause, now dropped
   */
  record Crash(At at, boolean loseUnsyncedWrites, int lostWrites, int droppedWhilePaused)
      implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.crash(
          at.timeNanos(),
          at.node(),
          at.wallNanos(),
          at.monoNanos(),
          loseUnsyncedWrites,
          lostWrites,
          droppedWhilePaused);
    }
  }

  /** A stop-the-world pause began. */
  record Pause(At at, long durationNanos) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.pause(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), durationNanos);
    }
  }

  /** A pause ended; {@code deferred} events that fell due during it run now. */
  record Resume(At at, int deferred) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.resume(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), deferred);
    }
  }

  /**
   * A node's clock changed: {@code change} {@code offset} (to {@code value} ns, {@code
   * offsetNanos}), {@code drift} (to {@code value} ppb, {@code driftPpb}) or {@code jump} (by
   * {@code value} ns, {@code deltaNanos}).
   */
  record Clock(At at, String change, long value) implements TraceEvent {
    /** The line's field for {@code value}. */
    public String field() {
      return TraceWriter.clockField(change);
    }

    @Override
    public void writeTo(TraceWriter writer) {
      writer.clock(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), change, value);
    }
  }

  /** The network split into {@code groups} (node names); an event of the whole run. */
  record Partition(At at, List<List<String>> groups) implements TraceEvent {
    public Partition {
      groups = groups.stream().map(List::copyOf).toList();
    }

    @Override
    public void writeTo(TraceWriter writer) {
      writer.partition(at.timeNanos(), groups);
    }
  }

  /** Every partition healed. */
  record Heal(At at) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.heal(at.timeNanos());
    }
  }

  /** The one-way link {@code from -> to} was cut. */
  record Block(At at, String from, String to) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.block(at.timeNanos(), from, to);
    }
  }

  /** The one-way link {@code from -> to} was restored. */
  record Unblock(At at, String from, String to) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.unblock(at.timeNanos(), from, to);
    }
  }

  /**
   * Links changed: {@code from} and {@code to} are node names or {@code *} for every node; the
   * other fields are null when the change leaves them alone.
   *
   * @param latency the new latency distribution, as the scenario file writes it
   * @param loss a probability, as text ({@code 1/100})
   */
  record Link(
      At at,
      String from,
      String to,
      JsonNode latency,
      String loss,
      String duplicate,
      String reorder,
      Boolean fifo)
      implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.link(at.timeNanos(), from, to, latency, loss, duplicate, reorder, fifo);
    }
  }

  /** An invariant failed; {@code at.node()} is null when no one node is to blame. */
  record Violation(At at, String invariant, String message) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.violation(
          at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), invariant, message);
    }
  }

  /** The run stopped; {@code reason} is a stop reason's label, like {@code time-limit}. */
  record Halt(At at, String reason) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.halt(at.timeNanos(), reason);
    }
  }

  /**
   * An event a protocol recorded, such as Raft's {@code apply} ({@code index}, {@code term}, {@code
   * command}) or a client's {@code client} ({@code process}, {@code phase}, {@code op}).
   *
   * @param type the line's {@code type}: lowercase letters, digits and {@code -}
   * @param fields the protocol's fields, in the order the line has them
   */
  record ProtocolRecord(At at, String type, ObjectNode fields) implements TraceEvent {
    @Override
    public void writeTo(TraceWriter writer) {
      writer.record(at.timeNanos(), at.node(), at.wallNanos(), at.monoNanos(), type, fields);
    }
  }
}
