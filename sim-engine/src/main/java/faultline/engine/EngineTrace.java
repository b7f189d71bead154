package faultline.engine;

import faultline.engine.fault.Fault;
import faultline.engine.net.DropReason;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.engine.trace.TraceWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's side of the trace: turns a node's slot into the node name and clock readings that
 * {@link TraceWriter}'s event methods take, at the current true time.
 */
final class EngineTrace {
  private final TraceWriter writer;
  private long nowNanos;

  EngineTrace(TraceWriter writer) {
    this.writer = writer;
  }

  void at(long trueNanos) {
    this.nowNanos = trueNanos;
  }

  private long wall(NodeSlot slot) {
    return slot.wallNanos(nowNanos);
  }

  private long mono(NodeSlot slot) {
    return slot.monotonicNanos(nowNanos);
  }

  void start(NodeSlot slot) {
    writer.start(nowNanos, slot.id.name(), wall(slot), mono(slot));
  }

  void restart(NodeSlot slot) {
    writer.restart(nowNanos, slot.id.name(), wall(slot), mono(slot));
  }

  void send(NodeSlot from, NodeId to, long messageId, Message message) {
    writer.send(
        nowNanos,
        from.id.name(),
        wall(from),
        mono(from),
        to.name(),
        messageId,
        messageName(message),
        message);
  }

  void deliver(NodeSlot to, NodeId from, long messageId, int copy, Message message) {
    writer.deliver(
        nowNanos,
        to.id.name(),
        wall(to),
        mono(to),
        from.name(),
        messageId,
        copy,
        messageName(message));
  }

  /** A drop is drawn on the lane of the node where the message ended: sender or receiver. */
  void drop(NodeSlot at, NodeId from, NodeId to, long messageId, Message message, DropReason why) {
    writer.drop(
        nowNanos,
        at.id.name(),
        wall(at),
        mono(at),
        from.name(),
        to.name(),
        messageId,
        messageName(message),
        why.label());
  }

  void timer(NodeSlot slot, TimerTag tag, long dueNanos) {
    writer.timer(nowNanos, slot.id.name(), wall(slot), mono(slot), timerName(tag), dueNanos);
  }

  void state(NodeSlot slot, Object state) {
    writer.state(nowNanos, slot.id.name(), wall(slot), mono(slot), state);
  }

  void record(NodeSlot slot, String type, Object fields) {
    writer.record(nowNanos, slot.id.name(), wall(slot), mono(slot), type, fields);
  }

  void note(NodeSlot slot, String text) {
    writer.note(nowNanos, slot.id.name(), wall(slot), mono(slot), text);
  }

  void crash(NodeSlot slot, boolean loseUnsyncedWrites, int lostWrites, int droppedDeferred) {
    writer.crash(
        nowNanos,
        slot.id.name(),
        wall(slot),
        mono(slot),
        loseUnsyncedWrites,
        lostWrites,
        droppedDeferred);
  }

  void pause(NodeSlot slot, long durationNanos) {
    writer.pause(nowNanos, slot.id.name(), wall(slot), mono(slot), durationNanos);
  }

  void resume(NodeSlot slot, int deferredEvents) {
    writer.resume(nowNanos, slot.id.name(), wall(slot), mono(slot), deferredEvents);
  }

  void clock(NodeSlot slot, String change, long value) {
    writer.clock(nowNanos, slot.id.name(), wall(slot), mono(slot), change, value);
  }

  void partition(List<List<NodeId>> groups) {
    List<List<String>> names = new ArrayList<>();
    for (List<NodeId> group : groups) {
      names.add(group.stream().map(NodeId::name).toList());
    }
    writer.partition(nowNanos, names);
  }

  void heal() {
    writer.heal(nowNanos);
  }

  void block(NodeId from, NodeId to) {
    writer.block(nowNanos, from.name(), to.name());
  }

  void unblock(NodeId from, NodeId to) {
    writer.unblock(nowNanos, from.name(), to.name());
  }

  void linkChange(Fault.LinkChange change) {
    writer.link(
        nowNanos,
        change.from() == null ? "*" : change.from().name(),
        change.to() == null ? "*" : change.to().name(),
        change.latency(),
        textOf(change.loss()),
        textOf(change.duplicate()),
        textOf(change.reorder()),
        change.fifo());
  }

  void skipped(NodeSlot slot, String fault, String why) {
    note(slot, fault + " skipped: " + why);
  }

  long violation(
      NodeId node, long wallNanos, long monotonicNanos, String invariant, String message) {
    return writer.violation(
        nowNanos, node == null ? null : node.name(), wallNanos, monotonicNanos, invariant, message);
  }

  void halt(String reason) {
    writer.halt(nowNanos, reason);
  }

  private static String textOf(Object ratio) {
    return ratio == null ? null : ratio.toString();
  }

  private static String messageName(Message message) {
    return message.getClass().getSimpleName();
  }

  static String timerName(TimerTag tag) {
    return tag instanceof Enum<?> constant ? constant.name() : tag.toString();
  }
}
