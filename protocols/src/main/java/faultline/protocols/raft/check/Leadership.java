package faultline.protocols.raft.check;

import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.Role;
import java.util.List;

/**
 * When the cluster has a leader, as the metrics and the eventually property both judge it: some
 * live server leads a term that a majority of the servers share as its followers (itself counted).
 * A leader cut off in a minority, which no longer hears from a majority, does not count.
 */
final class Leadership {
  private Leadership() {}

  /** The leader among {@code liveServers} (in node order), or null when there is none. */
  static RaftNode leader(List<RaftNode> liveServers) {
    // By index: the metrics ask after every server step, and an iterator each was their garbage.
    for (int c = 0; c < liveServers.size(); c++) {
      RaftNode candidate = liveServers.get(c);
      if (candidate.role() == Role.LEADER) {
        int sharing = 0;
        for (int s = 0; s < liveServers.size(); s++) {
          RaftNode server = liveServers.get(s);
          if (server.currentTerm() == candidate.currentTerm()
              && (server.role() == Role.FOLLOWER || server == candidate)) {
            sharing++;
          }
        }
        if (sharing >= candidate.majority()) {
          return candidate;
        }
      }
    }
    return null;
  }
}
