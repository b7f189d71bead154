package faultline.protocols.paxos;

import faultline.protocols.paxos.PaxosMessage.Promise;
import java.util.List;

/**
 * The proposer's choice of a value once a phase-1 quorum has promised (Paxos Made Simple §2.2,
 * P2c): the value of the highest-numbered proposal among the promises, or, if none reports one, the
 * proposer's own. A pure function, so that an exercise can plug in its own.
 */
@FunctionalInterface
public interface ValueChoice {
  /** The paper's rule. */
  ValueChoice HIGHEST_ACCEPTED = ValueChoice::highestAccepted;

  /**
   * The value to send in accept requests.
   *
   * @param promises the promises of a phase-1 quorum for the proposer's ballot, one per acceptor
   * @param own the value this proposer would like chosen
   */
  String choose(List<Promise> promises, String own);

  private static String highestAccepted(List<Promise> promises, String own) {
    Promise highest = null;
    for (Promise promise : promises) {
      if (promise.acceptedValue() != null
          && (highest == null || promise.acceptedBallot().isAbove(highest.acceptedBallot()))) {
        highest = promise;
      }
    }
    return highest == null ? own : highest.acceptedValue();
  }
}
