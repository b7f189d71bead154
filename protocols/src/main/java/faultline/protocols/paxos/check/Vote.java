package faultline.protocols.paxos.check;

import faultline.engine.node.NodeId;
import faultline.protocols.paxos.Ballot;

/**
 * One acceptance: {@code acceptor} accepted {@code value} at {@code ballot} in {@code slot} (always
 * 0 in single-decree Paxos). The checkers' ground truth: a value is chosen when a phase-2 quorum of
 * acceptors has voted for it at one ballot.
 */
public record Vote(NodeId acceptor, long slot, Ballot ballot, Object value) {
  /** {@code n2 accepted "red" at 3.n1}, with the slot when there are several. */
  public String describe(boolean withSlot) {
    return acceptor
        + " accepted "
        + Values.describe(value)
        + " at "
        + ballot
        + (withSlot ? " in slot " + slot : "");
  }
}
