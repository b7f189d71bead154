package faultline.exercises.e11_read_index;

import faultline.protocols.raft.ReadLeader;
import faultline.protocols.raft.ReadRule;
import faultline.protocols.raft.ReadTicket;

/**
 * Exercise 11: a Raft leader's linearizable reads without a log entry, ReadIndex (Diego Ongaro,
 * "Consensus: Bridging Theory and Practice", PhD dissertation, Stanford, 2014, §6.4; the Raft
 * paper's §8 states the two rules it comes from).
 *
 * <p>The given leader calls {@link #admit} when a client's {@code get} arrives, holds the read, and
 * calls {@link #mayServe} after every step that may let it through: a reply that confirms a
 * heartbeat round, an entry applied to its state machine. Once you say yes, it answers the read
 * from its state machine as it is at that moment. A leader that steps down drops what it holds; its
 * clients retry elsewhere.
 */
public final class ReadIndex implements ReadRule {
  /**
   * A read has arrived at {@code leader}, which believes it leads: what must it wait for before it
   * answers from its state machine? Return the log index the state machine must have applied, and
   * the heartbeat round a majority must have acknowledged; {@link ReadLeader} says what the leader
   * knows and how to ask for a round.
   */
  @Override
  public ReadTicket admit(ReadLeader leader) {
    // BEGIN SOLUTION
    // Step 1: the commit index, unless this leader has not yet committed an entry of its own term
    // (its no-op): until then it does not know which of its entries earlier leaders committed.
    long readIndex = Math.max(leader.commitIndex(), leader.firstIndexOfTerm());
    // Step 2: a heartbeat round that starts after the read arrived; an earlier one proves nothing
    // about now.
    return new ReadTicket(readIndex, leader.requestRound());
    // END SOLUTION
    // STUB: // Your code here: what does the read wait for (§6.4, steps 1 and 2)?
    // STUB: return new ReadTicket(0, 0);
  }

  /** Whether a read admitted with {@code ticket} may be answered now, from the state machine. */
  @Override
  public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
    // BEGIN SOLUTION
    // Step 3: a majority acknowledged the round; step 4: the state machine caught up.
    return leader.confirmedRound() >= ticket.round() && leader.lastApplied() >= ticket.readIndex();
    // END SOLUTION
    // STUB: // Your code here (§6.4, steps 3 and 4). This stub never answers a read.
    // STUB: return false;
  }
}
