package faultline.engine.check;

import faultline.engine.causal.VectorStamp;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/**
 * One handler invocation of a node, as invariants see it: which node, its ground-truth causal
 * stamp, and the input that caused it (a message with its sender, a timer, or the start).
 */
public record Step(
    NodeId node, Kind kind, VectorStamp truth, NodeId from, Message message, TimerTag timer) {
  public enum Kind {
    START,
    MESSAGE,
    TIMER
  }

  /** The step's position among its node's steps, from 1. */
  public long index() {
    return truth.count(node);
  }
}
