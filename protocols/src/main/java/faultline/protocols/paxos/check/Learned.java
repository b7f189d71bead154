package faultline.protocols.paxos.check;

import faultline.engine.node.NodeId;

/** {@code node} has learned {@code value} in {@code slot} (0 in single-decree Paxos). */
public record Learned(NodeId node, long slot, Object value) {}
