package faultline.protocols.paxos.multi;

import faultline.engine.node.NodeId;
import java.util.Set;

/**
 * When the leader may consider its proposal in a slot chosen. {@link #QUORUM} is the paper's (a
 * value is chosen once a phase-2 quorum of acceptors accepted it); {@link #OWN_ACCEPT} is a bug-zoo
 * strategy.
 */
@FunctionalInterface
interface ChosenRule {
  /** A phase-2 quorum of acceptors accepted the proposal. */
  ChosenRule QUORUM = (acceptedBy, leader, phase2Quorum) -> acceptedBy.size() >= phase2Quorum;

  /**
   * The bug: the leader counts its own acceptor's acceptance as enough, and announces the value
   * chosen before any other acceptor has it.
   */
  ChosenRule OWN_ACCEPT =
      (acceptedBy, leader, phase2Quorum) ->
          acceptedBy.contains(leader) || acceptedBy.size() >= phase2Quorum;

  /**
   * @param acceptedBy the acceptors that accepted the leader's proposal at its ballot
   * @param leader the leader itself
   * @param phase2Quorum how many acceptances choose a value
   */
  boolean chosen(Set<NodeId> acceptedBy, NodeId leader, int phase2Quorum);
}
