package faultline.protocols.paxos;

import faultline.engine.node.Message;

/**
 * The messages of Paxos Made Simple §2.2-2.3, named for their phase so that a timeline tells phase
 * 1 (Prepare, Promise) from phase 2 (Accept, Accepted) at a glance, plus the rejection that §2.3
 * suggests as an optimization ("an acceptor ... should inform the proposer, who should then abandon
 * its proposal"), which carries the higher promise so the proposer can skip past it.
 */
public sealed interface PaxosMessage extends Message {
  /** The ballot the message is about. */
  Ballot ballot();

  /**
   * The highest ballot the message shows to exist: what a proposer must climb above. The ballot
   * itself, except for a rejection, which names the higher promise.
   */
  default Ballot highestBallot() {
    return ballot();
  }

  /** Phase 1a: a proposer asks the acceptors to promise {@code ballot}. */
  record Prepare(Ballot ballot) implements PaxosMessage {}

  /**
   * Phase 1b: the acceptor promises never to accept a proposal below {@code ballot}, and reports
   * the highest-numbered proposal it has accepted ({@link Ballot#NONE} and null if none).
   */
  record Promise(Ballot ballot, Ballot acceptedBallot, String acceptedValue)
      implements PaxosMessage {}

  /** Phase 2a: a proposer asks the acceptors to accept {@code value} at {@code ballot}. */
  record Accept(Ballot ballot, String value) implements PaxosMessage {}

  /** Phase 2b: the acceptor accepted {@code value} at {@code ballot}; sent to the learners. */
  record Accepted(Ballot ballot, String value) implements PaxosMessage {}

  /**
   * A prepare ({@code phase} 1) or accept ({@code phase} 2) request for {@code ballot} was refused
   * because the acceptor has promised {@code promised}, which is higher.
   */
  record Nack(Ballot ballot, int phase, Ballot promised) implements PaxosMessage {
    @Override
    public Ballot highestBallot() {
      return Ballot.max(ballot, promised);
    }
  }
}
