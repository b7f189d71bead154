package faultline.engine;

import faultline.engine.node.DurableStorage;
import faultline.engine.node.Message;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.engine.random.SimRandom;
import faultline.engine.trace.TraceEventTypes;
import java.util.List;

/**
 * The context a node's handlers run with: reads are live, effects are only recorded. One per node,
 * opened for each of its steps and closed when the handler returns (a context per step was 3% of a
 * run's allocation); effects go into the {@link Effects} that every outbox shares, which are this
 * outbox's alone while it is open, since handlers never overlap.
 */
final class Outbox implements NodeContext<Message, TimerTag> {
  private final NodeSlot slot;
  private final List<NodeId> nodes;
  private final List<NodeId> peers;
  private final NodeIndex nodeIndex; // The run's nodes, to find a recipient.
  private final List<NodeSlot> slots; // By node index.
  // Record types already found valid, by identity (see record()), filled in turn.
  private final String[] typesChecked = new String[4];
  private int typesCheckedNext;
  private final Metrics metrics;
  private final Effects effects;
  private long nowNanos;
  private boolean closed = true;

  Outbox(
      NodeSlot slot,
      List<NodeId> nodes,
      List<NodeId> peers,
      NodeIndex nodeIndex,
      List<NodeSlot> slots,
      Metrics metrics,
      Effects effects) {
    this.effects = effects;
    this.slot = slot;
    this.nodes = nodes;
    this.peers = peers;
    this.nodeIndex = nodeIndex;
    this.slots = slots;
    this.metrics = metrics;
  }

  /** Opens the context for a step at {@code nowNanos}; the shared effects must be empty. */
  Outbox open(long nowNanos) {
    this.nowNanos = nowNanos;
    closed = false;
    return this;
  }

  /**
   * The recorded effects; closes the context, so a node that kept it fails loudly when it uses it
   * outside its own handlers.
   */
  Effects close() {
    closed = true;
    return effects;
  }

  /** Refuses an effect once the handler has returned. */
  private Effects effects() {
    Check.state(
        !closed,
        "%s used its context after the handler returned; effects are only possible inside one",
        slot.id);
    return effects;
  }

  @Override
  public NodeId self() {
    return slot.id;
  }

  @Override
  public List<NodeId> peers() {
    return peers;
  }

  @Override
  public List<NodeId> nodes() {
    return nodes;
  }

  @Override
  public long wallClockNanos() {
    return slot.wallNanos(nowNanos);
  }

  @Override
  public long monotonicNanos() {
    return slot.monotonicNanos(nowNanos);
  }

  @Override
  public SimRandom random() {
    return slot.random;
  }

  @Override
  public DurableStorage storage() {
    return slot.storage;
  }

  @Override
  public void send(NodeId to, Message message) {
    NodeSlot target = recipient(to);
    Check.argument(target != null, "%s sent to %s, which is not a node of this run", slot.id, to);
    Check.argument(message != null, "%s sent a null message", slot.id);
    effects().send(message, target.index);
  }

  /**
   * The slot of node {@code to}, or null when the run has none: found here once per send, for the
   * check and for the engine, which sends by index.
   */
  private NodeSlot recipient(NodeId to) {
    int index = nodeIndex.indexOf(to);
    return index < 0 ? null : slots.get(index);
  }

  @Override
  public void setTimer(TimerTag timer, long delayNanos) {
    Check.argument(timer != null, "%s set a null timer", slot.id);
    Check.argument(delayNanos >= 0, "%s set %s with a negative delay", slot.id, timer);
    effects().setTimer(timer, delayNanos);
  }

  @Override
  public void cancelTimer(TimerTag timer) {
    effects().cancelTimer(timer);
  }

  @Override
  public void recordState(Object state) {
    effects().recordState(state);
  }

  @Override
  public void record(String type, Object fields) {
    if (!checkedAlready(type)) {
      Check.argument(isEventType(type), "trace event types are lowercase: %s", type);
      Check.argument(
          TraceEventTypes.isFreeForProtocols(type),
          "%s is a type the engine's trace already uses; give the record a name of its own",
          type);
      typesChecked[typesCheckedNext] = type;
      typesCheckedNext = (typesCheckedNext + 1) % typesChecked.length;
    }
    effects().record(type, fields);
  }

  /**
   * True when this very string was found a valid record type already (the same text in another
   * string is checked again): a node records the same few constant types over and over, and their
   * check, a scan and a hash lookup, was 1.5% of a Raft run's samples.
   */
  private boolean checkedAlready(String type) {
    for (String checked : typesChecked) {
      if (checked == type) {
        return type != null;
      }
    }
    return false;
  }

  /** {@code [a-z][a-z0-9-]*}, checked by hand: a matcher per record was a hot-path allocation. */
  private static boolean isEventType(String type) {
    if (type == null || type.isEmpty() || type.charAt(0) < 'a' || type.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < type.length(); i++) {
      char c = type.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void note(String text) {
    effects().note(text);
  }

  @Override
  public void count(String name, long delta) {
    metrics.add(name, delta);
  }

  @Override
  public void recordMax(String name, long value) {
    metrics.max(name, value);
  }
}
