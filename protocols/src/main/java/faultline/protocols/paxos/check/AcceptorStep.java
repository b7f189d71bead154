package faultline.protocols.paxos.check;

import faultline.engine.node.NodeId;
import faultline.protocols.paxos.Ballot;
import java.util.List;

/**
 * What the checkers read of an acceptor after one of its steps: its promise now, and the proposals
 * it holds accepted that may have changed in the step (all of them, in single-decree Paxos; the
 * slots the step touched, in Multi-Paxos).
 */
public record AcceptorStep(NodeId acceptor, Ballot promised, List<Vote> accepted) {
  public AcceptorStep {
    accepted = List.copyOf(accepted);
  }
}
