package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sometimes;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.Role;
import java.util.List;

/**
 * Reached when a leader steps down (it hears of a newer term, §5.1) while its log holds entries
 * past its commit index: the path on which those entries may be overwritten by the next leader
 * (§5.3, §5.4.2), and the one Figure 8 is about. Watches only the server that just stepped; a crash
 * is not a step-down.
 */
final class LeaderDeposedWithUncommitted implements Sometimes {
  private List<NodeId> nodes;
  private boolean[] wasLeader; // By position in nodes.

  @Override
  public String name() {
    return RaftProperties.LEADER_DEPOSED_WITH_UNCOMMITTED;
  }

  @Override
  public boolean readsCausalHistory() {
    return false;
  }

  @Override
  public String description() {
    return "A leader was deposed while holding uncommitted entries.";
  }

  @Override
  public boolean reached(InvariantContext context) {
    NodeId id = ServerSteps.steppedId(context);
    RaftNode server = ServerSteps.server(context, id);
    if (server == null) {
      return false;
    }
    if (nodes == null) {
      nodes = context.nodes();
      wasLeader = new boolean[nodes.size()];
    }
    int position = nodes.indexOf(id);
    boolean leads = server.role() == Role.LEADER;
    boolean deposed = wasLeader[position] && !leads;
    wasLeader[position] = leads;
    return deposed && server.log().lastIndex() > server.commitIndex();
  }
}
