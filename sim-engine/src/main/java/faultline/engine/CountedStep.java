package faultline.engine;

import faultline.engine.causal.VectorStamp;
import faultline.engine.check.Step;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/**
 * A copy of a step of a run that does not track the causal history: it knows its index among its
 * node's steps, but has no stamp, and {@link #truth()} fails with the message the live step's would
 * have given when it was copied (naming the check that copied it).
 */
record CountedStep(
    NodeId node,
    Kind kind,
    long index,
    NodeId from,
    Message message,
    TimerTag timer,
    String untrackedMessage)
    implements Step {
  @Override
  public VectorStamp truth() {
    throw new IllegalStateException(untrackedMessage);
  }

  @Override
  public Step copy() {
    return this;
  }

  @Override
  public String toString() {
    return "Step[node=%s, kind=%s, index=%s, from=%s, message=%s, timer=%s]"
        .formatted(node, kind, index, from, message, timer);
  }
}
