package faultline.protocols.paxos;

import faultline.engine.node.NodeId;

/**
 * How a proposer numbers its next attempt. {@link #UNIQUE} is the paper's (§2.2, §3: proposers draw
 * from disjoint sets of numbers, here by owning the ballot); {@link #SHARED} is a bug-zoo strategy
 * in which every proposer counts rounds alone, so two of them can issue the same ballot.
 */
@FunctionalInterface
public interface BallotNumbering {
  /** The paper's numbering: the next round, owned by this proposer. */
  BallotNumbering UNIQUE = (highestSeen, self) -> Ballot.of(highestSeen.round() + 1, self);

  /**
   * The bug: ballots carry a round only (every one is owned by the same pseudo node), so two
   * proposers that reach the same round issue one ballot between them, and an acceptor cannot tell
   * their requests apart.
   */
  BallotNumbering SHARED =
      (highestSeen, self) -> Ballot.of(highestSeen.round() + 1, NodeId.of("anyone"));

  /** A ballot above {@code highestSeen}, for an attempt by {@code self}. */
  Ballot above(Ballot highestSeen, NodeId self);
}
