package faultline.protocols.swim;

import faultline.engine.node.NodeId;

/**
 * The last probe a member finished (SWIM §3.1): the {@code number}-th of its probes, of {@code
 * target}, and whether the target answered, directly or through a ping-req. For observers outside
 * the protocol, such as the analysis that counts false detections per protocol period; the member
 * itself never reads it.
 */
public record FinishedProbe(long number, NodeId target, boolean answered) {}
