package faultline.exercises.e03_hlc;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.protocols.clocks.ClockStamps;
import faultline.protocols.clocks.ClockedNode;
import faultline.protocols.clocks.StampedEvent;

/**
 * Exercise 3: a node that keeps a hybrid logical clock (Kulkarni, Demirbas, Madappa, Avva, Leone,
 * "Logical Physical Clocks and Consistent Snapshots in Globally Distributed Databases", OPODIS
 * 2014, the algorithm of Figure 5).
 *
 * <p>Every few milliseconds the node sends its HLC to a random peer; every receipt is a receive
 * event. Its physical clock, {@code pt} in the paper, is {@code context.wallClockNanos()}: skewed,
 * drifting, and in tests 3 and 4 stepped forward and back. You write {@link #sendOrLocal} and
 * {@link #receive}. The grader checks at every event, against the simulator's ground truth, the
 * paper's three guarantees: causality (e happened before f implies hlc(e) &lt; hlc(f)), the floor
 * (l is never below pt), and the bound (l is never above the largest physical reading in the
 * event's causal past).
 */
public final class HlcNode implements Node<HlcNode.Gossip, HlcNode.GossipTimer>, ClockedNode {
  /** The message: the sender's HLC at the send event. */
  public record Gossip(Hlc hlc) implements Message {}

  /** When the next gossip is due. */
  public enum GossipTimer implements TimerTag {
    GOSSIP_DUE
  }

  private static final long GOSSIP_MIN_NANOS = 2_000_000;
  private static final long GOSSIP_JITTER_NANOS = 8_000_000;

  private Hlc hlc = Hlc.BEFORE_ANY_READING;
  private long stampedEvents;
  private StampedEvent lastStamped;

  /**
   * Figure 5, "Send or local event": the clock after an event at physical time {@code pt}. l
   * becomes the larger of l and pt; c counts on when l did not change, and restarts at 0 when it
   * did.
   */
  static Hlc sendOrLocal(Hlc current, long pt) {
    // BEGIN SOLUTION
    long l = Math.max(current.l(), pt);
    long c = l == current.l() ? current.c() + 1 : 0;
    return new Hlc(l, c);
    // END SOLUTION
    // STUB: // Your code here: Figure 5, "Send or local event".
    // STUB: return current;
  }

  /**
   * Figure 5, "Receive event of message m": the clock after receiving {@code remote} at physical
   * time {@code pt}. l becomes the largest of the three; c continues the counter of whichever
   * clocks hold that l (the larger counter plus one when both do), and restarts at 0 when only pt
   * does.
   */
  static Hlc receive(Hlc current, Hlc remote, long pt) {
    // BEGIN SOLUTION
    long l = Math.max(Math.max(current.l(), remote.l()), pt);
    long c;
    if (l == current.l() && l == remote.l()) {
      c = Math.max(current.c(), remote.c()) + 1;
    } else if (l == current.l()) {
      c = current.c() + 1;
    } else if (l == remote.l()) {
      c = remote.c() + 1;
    } else {
      c = 0;
    }
    return new Hlc(l, c);
    // END SOLUTION
    // STUB: // Your code here: Figure 5, "Receive event of message m".
    // STUB: return current;
  }

  // The rest is given: it calls your rules at each event and shows each event to the grader.

  @Override
  public void onStart(NodeContext<Gossip, GossipTimer> context) {
    armGossip(context);
  }

  @Override
  public void onTimer(NodeContext<Gossip, GossipTimer> context, GossipTimer timer) {
    hlc = sendOrLocal(hlc, context.wallClockNanos());
    stamp(context);
    NodeId peer = context.peers().get(context.random().nextInt(context.peers().size()));
    context.send(peer, new Gossip(hlc));
    armGossip(context);
  }

  @Override
  public void onMessage(NodeContext<Gossip, GossipTimer> context, NodeId from, Gossip gossip) {
    hlc = receive(hlc, gossip.hlc(), context.wallClockNanos());
    stamp(context);
  }

  private void armGossip(NodeContext<Gossip, GossipTimer> context) {
    long delayNanos = GOSSIP_MIN_NANOS + context.random().nextLong(GOSSIP_JITTER_NANOS);
    context.setTimer(GossipTimer.GOSSIP_DUE, delayNanos);
  }

  private void stamp(NodeContext<Gossip, GossipTimer> context) {
    stampedEvents++;
    long physicalNanos = context.wallClockNanos();
    lastStamped =
        new StampedEvent(
            stampedEvents, new ClockStamps(physicalNanos, null, hlc.toTimestamp(), null));
    context.count("exercise.stamped", 1);
    context.recordMax("hlc.maxAheadOfPhysicalNanos", hlc.l() - physicalNanos);
    context.recordState(new HlcView(hlc.l(), hlc.c()));
  }

  /** What the timeline shows at each event. */
  record HlcView(long l, long c) {}

  @Override
  public StampedEvent lastStampedEvent() {
    return lastStamped;
  }
}
