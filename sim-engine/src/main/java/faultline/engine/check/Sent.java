package faultline.engine.check;

import faultline.engine.node.Message;
import faultline.engine.node.NodeId;

/** A message a step sent, as invariants see it: where it went and what it said. */
public record Sent(NodeId to, Message message) {}
