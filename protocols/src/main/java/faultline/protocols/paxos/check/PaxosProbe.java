package faultline.protocols.paxos.check;

import faultline.engine.check.InvariantContext;
import java.util.List;

/**
 * How the checkers read one Paxos protocol's nodes after each step: its acceptors' state, straight
 * from the live node (ground truth, not what any learner believes), what its learners have learned,
 * and which values were proposed. One probe per invariant per run.
 */
public interface PaxosProbe {
  /** The acceptor that just took a step, or null when the last event was no acceptor's step. */
  AcceptorStep acceptorAfterStep(InvariantContext context);

  /** What the node that just took a step has learned (it may repeat earlier learnings). */
  List<Learned> learnedAfterStep(InvariantContext context);

  /** Whether some proposer (or client) proposed {@code value} in {@code slot} by now. */
  boolean wasProposed(InvariantContext context, long slot, Object value);

  /** How many acceptances at one ballot choose a value. */
  int phase2Quorum();

  /** Whether there are many slots (Multi-Paxos), so that messages name the slot. */
  boolean slotted();
}
