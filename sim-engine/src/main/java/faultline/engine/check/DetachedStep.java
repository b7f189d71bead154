package faultline.engine.check;

import faultline.engine.causal.VectorStamp;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/** A step that no later event changes: what {@link Step#of} and {@link Step#copy()} return. */
record DetachedStep(
    NodeId node, Kind kind, VectorStamp truth, NodeId from, Message message, TimerTag timer)
    implements Step {
  @Override
  public Step copy() {
    return this;
  }

  @Override
  public String toString() {
    return "Step[node=%s, kind=%s, truth=%s, from=%s, message=%s, timer=%s]"
        .formatted(node, kind, truth, from, message, timer);
  }
}
