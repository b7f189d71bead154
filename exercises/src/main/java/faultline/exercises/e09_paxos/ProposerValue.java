package faultline.exercises.e09_paxos;

import faultline.protocols.paxos.PaxosMessage.Promise;
import faultline.protocols.paxos.ValueChoice;
import java.util.List;

/**
 * Exercise 9, part 2: the value a proposer sends in its accept requests once a phase-1 quorum has
 * promised (Lamport, "Paxos Made Simple", 2001, §2.2, P2c).
 */
public final class ProposerValue implements ValueChoice {
  /**
   * The value for phase 2. {@code promises} holds one promise per acceptor of a phase-1 quorum;
   * each reports the proposal that acceptor accepted last ({@code acceptedBallot()} and {@code
   * acceptedValue()}), or {@code Ballot.NONE} and null if it has accepted nothing. If any promise
   * reports a proposal, return the value of the one with the highest ballot; only if none does may
   * the proposer propose {@code own}.
   */
  @Override
  public String choose(List<Promise> promises, String own) {
    // BEGIN SOLUTION
    Promise highest = null;
    for (Promise promise : promises) {
      if (promise.acceptedValue() != null
          && (highest == null || promise.acceptedBallot().isAbove(highest.acceptedBallot()))) {
        highest = promise;
      }
    }
    return highest == null ? own : highest.acceptedValue();
    // END SOLUTION
    // STUB: // Your code here: Paxos Made Simple §2.2, "Phase 2 (a)" and P2c.
    // STUB: return own;
  }
}
