package faultline.engine;

import faultline.engine.causal.CausalTracker;
import faultline.engine.causal.VectorStamp;
import faultline.engine.check.Step;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/**
 * The step just taken, as invariants see it: one object filled for every step of the run, so that a
 * step allocates nothing (a step record, its stamp and the {@code Optional} around it were a
 * quarter of a Raft run's garbage). Valid until the next step, as {@link Step} says.
 *
 * <p>The stamp is made the first time the step needs it (a send, whose deliveries carry it, or an
 * invariant asking) and then shared; a stamp is immutable, so whoever keeps one keeps the step's
 * truth. Made later in the same event it is the same stamp: a node's clock moves only at that
 * node's next step, which fills this object anew.
 *
 * <p>In a run that does not track the causal history (no check reads it: see {@code
 * Invariant.readsCausalHistory}) there is no stamp to make, and {@link #truth()} fails, naming the
 * check that asked.
 */
final class LiveStep implements Step {
  private final CausalTracker causality;
  private final boolean historyTracked;
  private final InvariantView readers; // Says who asked for an untracked history.
  private NodeId node;
  private int nodeIndex;
  private Kind kind;
  private NodeId from;
  private Message message;
  private TimerTag timer;
  private VectorStamp truth; // Null until first needed in this step.

  LiveStep(CausalTracker causality, boolean historyTracked, InvariantView readers) {
    this.causality = causality;
    this.historyTracked = historyTracked;
    this.readers = readers;
  }

  /** Begins node {@code slot}'s step, once its clock has ticked for it. */
  LiveStep begin(NodeSlot slot, Kind kind, NodeId from, Message message, TimerTag timer) {
    this.node = slot.id;
    this.nodeIndex = slot.index;
    this.kind = kind;
    this.from = from;
    this.message = message;
    this.timer = timer;
    this.truth = null;
    return this;
  }

  @Override
  public NodeId node() {
    return node;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  @Override
  public VectorStamp truth() {
    VectorStamp stamp = truth;
    if (stamp == null) {
      if (!historyTracked) {
        throw readers.causalHistoryUntracked("Step.truth()");
      }
      stamp = causality.stamp(nodeIndex);
      truth = stamp;
    }
    return stamp;
  }

  @Override
  public NodeId from() {
    return from;
  }

  @Override
  public Message message() {
    return message;
  }

  @Override
  public TimerTag timer() {
    return timer;
  }

  /** Read from the node's clock: no stamp is made for it. */
  @Override
  public long index() {
    return causality.stepsOf(nodeIndex);
  }

  /** Without a stamp when the history is not tracked: its truth() then fails as this one's does. */
  @Override
  public Step copy() {
    if (historyTracked) {
      return Step.super.copy();
    }
    return new CountedStep(
        node,
        kind,
        index(),
        from,
        message,
        timer,
        readers.untrackedMessage("Step.truth() of a copied step"));
  }

  @Override
  public String toString() {
    return copy().toString();
  }
}
