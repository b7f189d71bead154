package faultline.protocols.paxos;

import faultline.engine.node.NodeId;

/**
 * A proposer: which node, the value it would like chosen, and when (on its monotonic clock) it
 * starts its first attempt.
 */
public record ProposerSpec(NodeId node, String value, long atNanos) {
  public ProposerSpec {
    if (node == null || value == null || atNanos < 0) {
      throw new IllegalArgumentException("a proposer needs a node, a value and a start time >= 0");
    }
  }
}
