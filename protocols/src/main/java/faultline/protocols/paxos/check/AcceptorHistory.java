package faultline.protocols.paxos.check;

import faultline.engine.lookup.LookupMap;
import faultline.engine.lookup.LookupSet;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.Ballot;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything each acceptor has ever promised and accepted, across its crashes: the highest promise
 * it ever made, and every vote it ever cast. The checkers feed it every acceptor step and read what
 * changed. A vote read back from disk after a restart is not new.
 */
final class AcceptorHistory {
  private final LookupMap<NodeId, Ballot> highestPromise = new LookupMap<>(); // Only looked up.
  private final LookupMap<NodeId, Ballot> lastPromise = new LookupMap<>(); // Only looked up.
  private final LookupSet<Vote> cast = new LookupSet<>(); // Only looked up.

  /**
   * What one step changed.
   *
   * @param highestPromiseBefore the highest promise the acceptor had ever made before the step
   * @param promisedBefore its promise after its previous step (in this life or the last)
   * @param promisedNow its promise after the step
   * @param newVotes the proposals it accepted in the step, never seen before
   */
  record Change(
      Ballot highestPromiseBefore, Ballot promisedBefore, Ballot promisedNow, List<Vote> newVotes) {
    boolean promiseDecreased() {
      return promisedNow.isBelow(promisedBefore);
    }
  }

  Change record(AcceptorStep step) {
    Ballot before = highestPromise.getOrDefault(step.acceptor(), Ballot.NONE);
    highestPromise.put(step.acceptor(), Ballot.max(before, step.promised()));
    Ballot previous = lastPromise.getOrDefault(step.acceptor(), Ballot.NONE);
    lastPromise.put(step.acceptor(), step.promised());
    List<Vote> fresh = new ArrayList<>();
    for (Vote vote : step.accepted()) {
      if (cast.add(vote)) {
        fresh.add(vote);
      }
    }
    return new Change(before, previous, step.promised(), fresh);
  }
}
