package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sometimes;
import faultline.protocols.raft.RaftNode;

/**
 * Reached when a server deletes conflicting entries from its log on a leader's AppendEntries
 * (Figure 2, receiver rule 3; §5.3): the repair path of Figure 7, which only runs after a leader
 * failed with entries that did not reach a majority.
 */
final class FollowerTruncatedLog implements Sometimes {
  @Override
  public String name() {
    return RaftProperties.LOG_TRUNCATED;
  }

  @Override
  public boolean readsCausalHistory() {
    return false;
  }

  @Override
  public String description() {
    return "A follower deleted conflicting entries from its log to match a new leader's.";
  }

  @Override
  public boolean reached(InvariantContext context) {
    RaftNode server = ServerSteps.server(context, ServerSteps.steppedId(context));
    return server != null && server.log().truncations() > 0;
  }
}
