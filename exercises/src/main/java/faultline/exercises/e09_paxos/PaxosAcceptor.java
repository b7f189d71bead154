package faultline.exercises.e09_paxos;

import faultline.protocols.paxos.AcceptorRules;
import faultline.protocols.paxos.AcceptorState;
import faultline.protocols.paxos.Ballot;

/**
 * Exercise 9, part 1: the acceptor's two rules (Lamport, "Paxos Made Simple", 2001, §2.2 and §3).
 *
 * <p>The Paxos node of {@code protocols} does everything else: it keeps the state you return,
 * writes it to its disk, syncs the disk when you say so, and only then answers, with a promise or
 * an acceptance when you grant, and otherwise with a rejection that names {@code next.promised()}.
 * Ballots are ordered ({@link Ballot#isBelow}, {@link Ballot#isAbove}, {@code compareTo}); {@link
 * Ballot#NONE} is below every real one. {@link AcceptorState#promise} and {@link
 * AcceptorState#accept} build the next state for you.
 */
public final class PaxosAcceptor implements AcceptorRules {
  /**
   * A prepare request for {@code ballot} (phase 1b). Promise it when it is at least every ballot
   * this acceptor has promised: the next state promises {@code ballot}, and the promise must be on
   * disk before it is sent ({@code syncBeforeReply}). The same ballot again is a duplicate from the
   * same proposer: promise it again. Refuse anything lower, changing nothing.
   */
  @Override
  public Decision onPrepare(AcceptorState state, Ballot ballot) {
    // BEGIN SOLUTION
    if (ballot.isBelow(state.promised())) {
      return new Decision(state, false, false);
    }
    return new Decision(state.promise(ballot), true, true);
    // END SOLUTION
    // STUB: // Your code here: Paxos Made Simple §2.2, "Phase 1 (b)", and §3 on stable storage.
    // STUB: return new Decision(state, false, false);
  }

  /**
   * An accept request for {@code value} at {@code ballot} (phase 2b). Accept it unless this
   * acceptor has promised a higher ballot (P1a): the next state has accepted {@code value} at
   * {@code ballot} (and so promised at least {@code ballot}), and must be on disk before the
   * acceptance is announced. Refuse anything lower, changing nothing.
   */
  @Override
  public Decision onAccept(AcceptorState state, Ballot ballot, String value) {
    // BEGIN SOLUTION
    if (ballot.isBelow(state.promised())) {
      return new Decision(state, false, false);
    }
    return new Decision(state.accept(ballot, value), true, true);
    // END SOLUTION
    // STUB: // Your code here: Paxos Made Simple §2.2, "Phase 2 (b)" and P1a.
    // STUB: return new Decision(state, false, false);
  }
}
