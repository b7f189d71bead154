package faultline.scenarios.model;

import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;

/** A directed link whose policy differs from the network's default from the start. */
public record LinkOverride(NodeId from, NodeId to, LinkPolicy policy) {}
