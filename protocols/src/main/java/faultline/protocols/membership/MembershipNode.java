package faultline.protocols.membership;

import faultline.engine.node.NodeId;
import java.util.List;

/**
 * The read-only face of a failure detector's node that the ground-truth checks and the timeline
 * need: what it believes about each member, and what its last handler changed. Every detector
 * implements it, so one set of checks judges them all.
 */
public interface MembershipNode {
  /** This node's belief about {@code member} ({@code UNKNOWN} if it never heard of it). */
  MemberStatus statusOf(NodeId member);

  /** The incarnation this node holds for {@code member} (0 when unknown). */
  long incarnationOf(NodeId member);

  /**
   * The changes of belief made by the handler that ran last on this node, in the order made; empty
   * when it changed nothing. The list is reused: read it before the node's next step.
   */
  List<ViewChange> lastChanges();

  /** True while this node takes part in the group: it has joined and not left. */
  boolean isMember();
}
