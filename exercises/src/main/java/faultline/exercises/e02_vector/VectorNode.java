package faultline.exercises.e02_vector;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.protocols.clocks.CausalOrder;
import faultline.protocols.clocks.ClockStamps;
import faultline.protocols.clocks.ClockedNode;
import faultline.protocols.clocks.StampedEvent;
import faultline.protocols.clocks.VectorClock;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Exercise 2: a node that keeps a vector clock (Fidge, "Timestamps in Message-Passing Systems That
 * Preserve the Partial Ordering", ACSC 1988; Mattern, "Virtual Time and Global States of
 * Distributed Systems", 1989, section 4).
 *
 * <p>A vector clock maps each node name to how many of that node's events this node has heard of (a
 * missing name means 0). You write {@link #tick}, {@link #merge} and {@link #compare}. The grader
 * checks that the vectors your node produces are ordered exactly as the simulator's true
 * happens-before relation orders the events (Mattern's Theorem 10: e happened before f if and only
 * if V(e) &lt; V(f)), and that {@code compare} tells concurrent events from ordered ones.
 *
 * <p>Clocks are {@code SortedMap<String, Long>}: return a new map, never change an argument (the
 * caller may still hold it, and messages in flight share it).
 */
public final class VectorNode
    implements Node<VectorNode.Gossip, VectorNode.GossipTimer>, ClockedNode {
  /** The message: the sender's vector clock at the send event. */
  public record Gossip(SortedMap<String, Long> vector) implements Message {}

  /** When the next gossip is due. */
  public enum GossipTimer implements TimerTag {
    GOSSIP_DUE
  }

  private static final String STATE_KEY = "vector";
  private static final long GOSSIP_MIN_NANOS = 2_000_000;
  private static final long GOSSIP_JITTER_NANOS = 8_000_000;

  private SortedMap<String, Long> vector = Collections.emptySortedMap();
  private long stampedEvents;
  private StampedEvent lastStamped;

  /**
   * The clock of node {@code self} after one more of its own events: its own entry goes up by one.
   */
  static SortedMap<String, Long> tick(SortedMap<String, Long> clock, String self) {
    // BEGIN SOLUTION
    TreeMap<String, Long> next = new TreeMap<>(clock);
    next.merge(self, 1L, Long::sum);
    return Collections.unmodifiableSortedMap(next);
    // END SOLUTION
    // STUB: // Your code here: copy the clock, add one to self's entry (absent means 0).
    // STUB: return clock;
  }

  /**
   * The least clock that has heard of everything either clock has: the entry-wise maximum. A
   * receive event is {@code tick(merge(local, remote), self)}.
   */
  static SortedMap<String, Long> merge(
      SortedMap<String, Long> local, SortedMap<String, Long> remote) {
    // BEGIN SOLUTION
    TreeMap<String, Long> next = new TreeMap<>(local);
    remote.forEach((node, count) -> next.merge(node, count, Math::max));
    return Collections.unmodifiableSortedMap(next);
    // END SOLUTION
    // STUB: // Your code here: every node of either clock, with the larger of its two counts.
    // STUB: return local;
  }

  /**
   * How the event stamped {@code a} relates to the event stamped {@code b}: {@code BEFORE} when a
   * happened before b (every entry of a at most b's, and they differ), {@code AFTER} the reverse,
   * {@code EQUAL} when the clocks are the same, {@code CONCURRENT} when each has an entry larger
   * than the other's. A name missing from one clock counts as 0 there.
   */
  static CausalOrder compare(SortedMap<String, Long> a, SortedMap<String, Long> b) {
    // BEGIN SOLUTION
    boolean someLess = false;
    boolean someGreater = false;
    TreeMap<String, Long> union = new TreeMap<>(a);
    union.putAll(b);
    for (String node : union.keySet()) {
      long mine = a.getOrDefault(node, 0L);
      long theirs = b.getOrDefault(node, 0L);
      someLess |= mine < theirs;
      someGreater |= mine > theirs;
    }
    if (someLess && someGreater) {
      return CausalOrder.CONCURRENT;
    }
    if (someLess) {
      return CausalOrder.BEFORE;
    }
    return someGreater ? CausalOrder.AFTER : CausalOrder.EQUAL;
    // END SOLUTION
    // STUB: // Your code here: compare entry by entry; remember that absent means 0.
    // STUB: return CausalOrder.EQUAL;
  }

  // The rest is given: it calls your rules at each event and shows each event to the grader.

  @Override
  public void onStart(NodeContext<Gossip, GossipTimer> context) {
    context
        .storage()
        .get(STATE_KEY, Durable.class)
        .ifPresent(
            durable -> {
              vector = durable.vector();
              stampedEvents = durable.stampedEvents();
            });
    armGossip(context);
  }

  @Override
  public void onTimer(NodeContext<Gossip, GossipTimer> context, GossipTimer timer) {
    vector = tick(vector, context.self().name()); // A send event.
    stamp(context);
    NodeId peer = context.peers().get(context.random().nextInt(context.peers().size()));
    context.send(peer, new Gossip(vector));
    armGossip(context);
  }

  @Override
  public void onMessage(NodeContext<Gossip, GossipTimer> context, NodeId from, Gossip gossip) {
    SortedMap<String, Long> before = vector;
    vector = tick(merge(vector, gossip.vector()), context.self().name()); // A receive event.
    if (compare(gossip.vector(), before) == CausalOrder.CONCURRENT) {
      // The message was sent concurrently with this node's previous event: neither knew of the
      // other. (A replicated register would have a write-write conflict to resolve here.)
      context.count("exercise.concurrentReceipts", 1);
    }
    stamp(context);
  }

  private void armGossip(NodeContext<Gossip, GossipTimer> context) {
    long delayNanos = GOSSIP_MIN_NANOS + context.random().nextLong(GOSSIP_JITTER_NANOS);
    context.setTimer(GossipTimer.GOSSIP_DUE, delayNanos);
  }

  private void stamp(NodeContext<Gossip, GossipTimer> context) {
    stampedEvents++;
    context.storage().put(STATE_KEY, new Durable(vector, stampedEvents));
    context.storage().sync();
    lastStamped =
        new StampedEvent(
            stampedEvents,
            new ClockStamps(context.wallClockNanos(), null, null, VectorClock.of(vector)));
    context.count("exercise.stamped", 1);
    context.recordState(new VectorView(vector));
  }

  /** What survives a crash. */
  record Durable(SortedMap<String, Long> vector, long stampedEvents) {}

  /** What the timeline shows at each event. */
  record VectorView(SortedMap<String, Long> vector) {}

  @Override
  public StampedEvent lastStampedEvent() {
    return lastStamped;
  }
}
