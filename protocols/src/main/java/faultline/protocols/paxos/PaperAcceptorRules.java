package faultline.protocols.paxos;

/**
 * Paxos Made Simple §2.2: an acceptor promises a prepare request whose number is at least every
 * number it has promised, and accepts a proposal unless it has promised a higher number (P1a). A
 * request with the very ballot it promised is answered again, because ballots are unique: it is a
 * duplicate or a retransmission from the same proposer.
 */
final class PaperAcceptorRules implements AcceptorRules {
  @Override
  public Decision onPrepare(AcceptorState state, Ballot ballot) {
    if (ballot.isBelow(state.promised())) {
      return Decision.refuse(state);
    }
    return Decision.grant(state.promise(ballot));
  }

  @Override
  public Decision onAccept(AcceptorState state, Ballot ballot, String value) {
    if (ballot.isBelow(state.promised())) {
      return Decision.refuse(state);
    }
    return Decision.grant(state.accept(ballot, value));
  }
}
