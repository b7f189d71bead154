package faultline.engine.fault;

import faultline.engine.Check;
import faultline.engine.net.Latency;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import java.util.List;

/**
 * A fault is an ordinary event: scheduled at a true time, applied by the engine, and recorded in
 * the trace. Scenarios script them; a fault plan can also draw them from the {@code faults} stream.
 */
public sealed interface Fault {
  /** Splits the network into groups; nodes in no group form one more group together. */
  record Partition(List<List<NodeId>> groups) implements Fault {
    public Partition {
      groups = groups.stream().map(List::copyOf).toList();
    }
  }

  /** Removes the partition. Blocked links stay blocked. */
  record Heal() implements Fault {}

  /** Cuts the directed link {@code from -> to}; the reverse direction keeps working. */
  record Block(NodeId from, NodeId to) implements Fault {}

  record Unblock(NodeId from, NodeId to) implements Fault {}

  /**
   * Crashes a node: its volatile state and armed timers are gone, messages to it are dropped, its
   * durable storage stays (less unsynced writes when {@code loseUnsyncedWrites}).
   */
  record Crash(NodeId node, boolean loseUnsyncedWrites) implements Fault {}

  /** Boots a crashed node again from its factory and durable storage. */
  record Restart(NodeId node) implements Fault {}

  /**
   * A stop-the-world pause (a long garbage collection): the node handles nothing for {@code
   * durationNanos} while its clocks keep running; what fell due meanwhile runs in order at resume.
   */
  record Pause(NodeId node, long durationNanos) implements Fault {
    public Pause {
      Check.argument(durationNanos >= 0, "a pause cannot last %s ns", durationNanos);
    }
  }

  /** Sets the wall clock's offset from true time. */
  record ClockOffset(NodeId node, long offsetNanos) implements Fault {}

  /** Sets the clock's drift rate, in parts per billion, from now on. */
  record ClockDrift(NodeId node, long driftPpb) implements Fault {}

  /** Steps the wall clock by {@code deltaNanos}, forward or (negative) back. */
  record ClockJump(NodeId node, long deltaNanos) implements Fault {}

  /**
   * Changes link policies from now on: the links from {@code from} (any node when null) to {@code
   * to} (any node when null). Null settings keep each link's current value.
   */
  record LinkChange(
      NodeId from,
      NodeId to,
      Latency latency,
      Ratio loss,
      Ratio duplicate,
      Ratio reorder,
      Boolean fifo)
      implements Fault {}
}
