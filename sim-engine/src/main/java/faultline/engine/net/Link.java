package faultline.engine.net;

import faultline.engine.node.NodeId;

/** A directed link between two nodes. */
public record Link(NodeId from, NodeId to) {
  @Override
  public String toString() {
    return from + "->" + to;
  }
}
