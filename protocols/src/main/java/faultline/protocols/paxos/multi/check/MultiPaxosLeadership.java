package faultline.protocols.paxos.multi.check;

import faultline.protocols.paxos.Ballot;
import faultline.protocols.paxos.multi.MultiPaxosServer;
import java.util.List;

/**
 * When a Multi-Paxos cluster has a leader, as the metrics and the eventually property both judge
 * it: some live server leads a ballot that a phase-2 quorum of live acceptors has promised, so that
 * they would accept its proposals. A leader cut off in a minority does not count.
 */
final class MultiPaxosLeadership {
  private MultiPaxosLeadership() {}

  static boolean hasLeader(List<MultiPaxosServer> liveServers, int phase2Quorum) {
    for (MultiPaxosServer candidate : liveServers) {
      Ballot ballot = candidate.ownBallot();
      if (ballot == null || !candidate.roleName().equals("LEADER")) {
        continue;
      }
      int promised = 0;
      for (MultiPaxosServer server : liveServers) {
        if (server.isAcceptor() && server.promised().equals(ballot)) {
          promised++;
        }
      }
      if (promised >= phase2Quorum) {
        return true;
      }
    }
    return false;
  }
}
