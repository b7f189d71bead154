package faultline.engine.check;

import faultline.engine.causal.VectorStamp;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/**
 * One handler invocation of a node, as invariants see it: which node, its ground-truth causal
 * stamp, and the input that caused it (a message with its sender, a timer, or the start).
 *
 * <p>The step {@link InvariantContext#lastStep()} gives is valid until the next event: the engine
 * fills one object for every step, so that a step costs no allocation. An invariant that keeps a
 * step beyond the event keeps its {@link #copy()}. Its {@link #truth()} is immutable and may be
 * kept as it is.
 */
public interface Step {
  enum Kind {
    START,
    MESSAGE,
    TIMER
  }

  /** A step fixed at these values (for tests and fakes of an {@link InvariantContext}). */
  static Step of(
      NodeId node, Kind kind, VectorStamp truth, NodeId from, Message message, TimerTag timer) {
    return new DetachedStep(node, kind, truth, from, message, timer);
  }

  NodeId node();

  Kind kind();

  /**
   * The step's ground-truth vector clock; immutable, so it may be kept beyond the event.
   *
   * @throws IllegalStateException in a run that does not track the causal history, because every
   *     check of it declared it does not read it ({@link Invariant#readsCausalHistory()})
   */
  VectorStamp truth();

  /** The sender of the message, for a {@link Kind#MESSAGE} step; else null. */
  NodeId from();

  /** The message handled, for a {@link Kind#MESSAGE} step; else null. */
  Message message();

  /** The timer that fired, for a {@link Kind#TIMER} step; else null. */
  TimerTag timer();

  /** The step's position among its node's steps, from 1. */
  default long index() {
    return truth().count(node());
  }

  /** This step with the values it has now, valid for as long as it is kept. */
  default Step copy() {
    return of(node(), kind(), truth(), from(), message(), timer());
  }
}
