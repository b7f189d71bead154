package faultline.exercises.e04_lww;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.protocols.clocks.ClockStamps;
import faultline.protocols.clocks.ClockedNode;
import faultline.protocols.clocks.HybridTimestamp;
import faultline.protocols.clocks.StampedEvent;

/**
 * Exercise 4: a replica of a last-writer-wins register. Each replica writes now and then, applies
 * its write and broadcasts it; every replica keeps the write with the largest timestamp. The given
 * code stamps a write with its node's wall clock, as many stores do, and under clock skew a write
 * that causally follows another can get the smaller stamp and be thrown away everywhere (see
 * Kingsbury's Jepsen analyses of Cassandra, and Kulkarni et al. 2014, section 1, on why HLCs were
 * made for this).
 *
 * <p>First find a seed that loses a write ({@link FoundSeed}), then fix {@link #stampLocalWrite}
 * and {@link #observe} so that a write is stamped by a hybrid logical clock (Kulkarni et al.,
 * Figure 5; {@link HybridTimestamp} implements its rules). The grader checks, against the
 * simulator's ground truth, that no replica ever keeps a write over one that causally follows it,
 * and that your stamps stay within the clock skew of physical time.
 */
public final class LwwNode implements Node<LwwNode.Replicate, LwwNode.WriteTimer>, ClockedNode {
  /** A write on its way to every other replica. */
  public record Replicate(Write write) implements Message {}

  /** When this replica's next write is due. */
  public enum WriteTimer implements TimerTag {
    WRITE_DUE
  }

  /** What the replica decided at a write or a receipt, for the lost-write invariant. */
  public record Decision(
      long ordinal, boolean localWrite, Write incoming, Write kept, Write lost) {}

  private final LwwConfig config;

  // The clock your stamps may use; unused by the given wall-clock code.
  private HybridTimestamp clock = HybridTimestamp.beforeAnyReading();

  private Write kept;
  private long writesIssued;
  private long events;
  private long stampedWrites;
  private StampedEvent lastStamped;
  private Decision lastDecision;

  public LwwNode(LwwConfig config) {
    this.config = config;
  }

  /**
   * The timestamp of a new local write made when the physical (wall) clock reads {@code pt}.
   * Last-writer-wins keeps the write with the largest one.
   */
  private HybridTimestamp stampLocalWrite(long pt) {
    // BEGIN SOLUTION
    clock = clock.sendOrLocal(pt);
    return clock;
    // END SOLUTION
    // STUB: // Given: the wall clock. Find a seed where this loses a write (FoundSeed.java),
    // STUB: // then your code here: stamp with the hybrid logical clock `clock` instead.
    // STUB: return new HybridTimestamp(pt, 0);
  }

  /**
   * Called when a write stamped {@code remote} arrives, at physical time {@code pt}, before
   * last-writer-wins compares it with the write this replica keeps.
   */
  private void observe(HybridTimestamp remote, long pt) {
    // BEGIN SOLUTION
    clock = clock.receive(remote, pt);
    // END SOLUTION
    // STUB: // Your code here: a wall clock learns nothing from a message. Should yours?
  }

  // The rest is given.

  @Override
  public void onStart(NodeContext<Replicate, WriteTimer> context) {
    armWrite(context);
  }

  @Override
  public void onTimer(NodeContext<Replicate, WriteTimer> context, WriteTimer timer) {
    long pt = context.wallClockNanos();
    HybridTimestamp stamp =
        config.givenWallClock() ? new HybridTimestamp(pt, 0) : stampLocalWrite(pt);
    writesIssued++;
    Write write =
        new Write(context.self().name(), writesIssued, context.self() + "-" + writesIssued, stamp);
    stampedWrites++;
    lastStamped = new StampedEvent(stampedWrites, new ClockStamps(pt, null, stamp, null));
    context.count("register.writes", 1);
    apply(context, write, true);
    for (NodeId peer : context.peers()) {
      context.send(peer, new Replicate(write));
    }
    armWrite(context);
  }

  @Override
  public void onMessage(
      NodeContext<Replicate, WriteTimer> context, NodeId from, Replicate message) {
    if (!config.givenWallClock()) {
      observe(message.write().stamp(), context.wallClockNanos());
    }
    apply(context, message.write(), false);
  }

  private void apply(NodeContext<Replicate, WriteTimer> context, Write incoming, boolean local) {
    Write current = kept;
    if (current == null || incoming.winsOver(current)) {
      kept = incoming;
    }
    events++;
    Write lost = kept == incoming ? current : incoming;
    lastDecision = new Decision(events, local, incoming, kept, lost);
    context.recordState(new RegisterView(kept.value(), kept.stamp().toString()));
  }

  private void armWrite(NodeContext<Replicate, WriteTimer> context) {
    long delayNanos =
        context.random().nextLongBetween(config.intervalMinNanos(), config.intervalMaxNanos());
    if (context.monotonicNanos() + delayNanos <= config.untilNanos()) {
      context.setTimer(WriteTimer.WRITE_DUE, delayNanos);
    }
  }

  /** What the timeline shows: the value this replica keeps and its stamp. */
  record RegisterView(String value, String stamp) {}

  /** Only writes are stamped events: the clock invariants judge write stamps. */
  @Override
  public StampedEvent lastStampedEvent() {
    return lastStamped;
  }

  public Decision lastDecision() {
    return lastDecision;
  }
}
