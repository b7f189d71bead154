package faultline.engine.check;

import faultline.engine.node.NodeId;

/** A violated invariant: which, where in the trace, when in true time, at which node, and why. */
public record Violation(String invariant, long seq, long timeNanos, NodeId node, String message) {}
