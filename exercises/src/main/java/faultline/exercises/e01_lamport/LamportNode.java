package faultline.exercises.e01_lamport;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.protocols.clocks.ClockStamps;
import faultline.protocols.clocks.ClockedNode;
import faultline.protocols.clocks.LamportClock;
import faultline.protocols.clocks.StampedEvent;

/**
 * Exercise 1: a node that keeps a Lamport clock (Lamport, "Time, Clocks, and the Ordering of Events
 * in a Distributed System", CACM 21(7), 1978, section "Logical Clocks", rules IR1 and IR2).
 *
 * <p>Every few milliseconds the node sends its clock to a random peer (a send event); every message
 * it receives is a receive event. The grader checks the paper's Clock Condition at every event
 * against the simulator's true happens-before relation: if a happened before b, then C(a) &lt;
 * C(b). You write {@link #tick}, {@link #receive} and, for test 4, what a restarted node must
 * remember.
 */
public final class LamportNode
    implements Node<LamportNode.Gossip, LamportNode.GossipTimer>, ClockedNode {
  /** The message: the sender's Lamport time at the send event. */
  public record Gossip(long timestamp) implements Message {}

  /** When the next gossip is due. */
  public enum GossipTimer implements TimerTag {
    GOSSIP_DUE
  }

  private static final String CLOCK_KEY = "lamport";
  private static final String ORDINAL_KEY = "stamped";
  private static final long GOSSIP_MIN_NANOS = 1_000_000;
  private static final long GOSSIP_JITTER_NANOS = 5_000_000;

  /** The paper's C_i: the number of this node's latest event, 0 before any. */
  private long time;

  private long stampedEvents;
  private StampedEvent lastStamped;

  /**
   * IR1: the clock after a local or send event. "Each process P_i increments C_i between any two
   * successive events."
   *
   * @param current the clock before the event
   * @return the clock after it, which is also the event's timestamp
   */
  static long tick(long current) {
    // BEGIN SOLUTION
    return current + 1;
    // END SOLUTION
    // STUB: // Your code here: return the clock after one more event (IR1).
    // STUB: return current;
  }

  /**
   * IR2: the clock after receiving a message stamped {@code messageTimestamp}. "Upon receiving a
   * message m, process P_j sets C_j greater than or equal to its present value and greater than
   * T_m." Receiving is itself an event, so the result must also be above {@code current}.
   *
   * @param current the receiver's clock before the receive event
   * @param messageTimestamp the sender's clock at the send event (T_m)
   * @return the receiver's clock after the receive event
   */
  static long receive(long current, long messageTimestamp) {
    // BEGIN SOLUTION
    return Math.max(current, messageTimestamp) + 1;
    // END SOLUTION
    // STUB: // Your code here: the clock after the receive event (IR2, then IR1).
    // STUB: return current;
  }

  /**
   * Called in {@code onStart}, at boot and after every restart: a restarted node has lost its
   * fields (they are volatile) but not its {@code context.storage()} (a disk that survives
   * crashes). Test 4 crashes nodes. What must a restarted node get back so that its new events are
   * still ordered after its old ones?
   */
  private void recover(NodeContext<Gossip, GossipTimer> context) {
    // BEGIN SOLUTION
    time = context.storage().get(CLOCK_KEY, Long.class).orElse(0L);
    // END SOLUTION
    // STUB: // Your code here (test 4): read back what remember() saved.
  }

  /** Called after every event, before any message leaves: save what recover() needs. */
  private void remember(NodeContext<Gossip, GossipTimer> context) {
    // BEGIN SOLUTION
    context.storage().put(CLOCK_KEY, time);
    // END SOLUTION
    // STUB: // Your code here (test 4): context.storage().put(key, value) saves a value.
  }

  // The rest is given: it calls your rules at each event and shows each event to the grader.

  @Override
  public void onStart(NodeContext<Gossip, GossipTimer> context) {
    stampedEvents = context.storage().get(ORDINAL_KEY, Long.class).orElse(0L);
    recover(context);
    armGossip(context);
  }

  @Override
  public void onTimer(NodeContext<Gossip, GossipTimer> context, GossipTimer timer) {
    time = tick(time); // A send event.
    stamp(context);
    NodeId peer = context.peers().get(context.random().nextInt(context.peers().size()));
    context.send(peer, new Gossip(time));
    armGossip(context);
  }

  @Override
  public void onMessage(NodeContext<Gossip, GossipTimer> context, NodeId from, Gossip gossip) {
    time = receive(time, gossip.timestamp()); // A receive event.
    stamp(context);
  }

  private void armGossip(NodeContext<Gossip, GossipTimer> context) {
    long delayNanos = GOSSIP_MIN_NANOS + context.random().nextLong(GOSSIP_JITTER_NANOS);
    context.setTimer(GossipTimer.GOSSIP_DUE, delayNanos);
  }

  private void stamp(NodeContext<Gossip, GossipTimer> context) {
    stampedEvents++;
    context.storage().put(ORDINAL_KEY, stampedEvents);
    remember(context);
    context.storage().sync();
    lastStamped =
        new StampedEvent(
            stampedEvents,
            new ClockStamps(context.wallClockNanos(), new LamportClock(time), null, null));
    context.count("exercise.stamped", 1);
    context.recordState(new LamportView(time));
  }

  /** What the timeline shows at each event. */
  record LamportView(long lamport) {}

  @Override
  public StampedEvent lastStampedEvent() {
    return lastStamped;
  }
}
