package faultline.protocols.raft.check;

import faultline.engine.check.Eventually;
import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Raft's liveness once the faults stop (§5.2, §9.3: elections settle quickly when timeouts are
 * randomized): a leader exists, as {@link Leadership} judges it. When it fails, the message lists
 * every server's role and term, which is what a reader needs to see why no election finished.
 */
final class LeaderExists implements Eventually {
  @Override
  public String name() {
    return RaftProperties.LEADER_EXISTS;
  }

  @Override
  public boolean readsCausalHistory() {
    return false;
  }

  @Override
  public String description() {
    return "A leader exists: some live server leads a term that a majority of the servers share as"
        + " its followers.";
  }

  @Override
  public Optional<String> judge(InvariantContext context) {
    List<RaftNode> live = new ArrayList<>();
    List<String> states = new ArrayList<>();
    for (NodeId id : context.nodes()) {
      Optional<RaftNode> server = context.node(id, RaftNode.class);
      if (server.isPresent()) {
        live.add(server.get());
        states.add(
            id
                + " "
                + server.get().role().name().toLowerCase(Locale.ROOT)
                + " in term "
                + server.get().currentTerm());
      } else if (!context.isUp(id)) {
        states.add(id + " down");
      }
    }
    if (Leadership.leader(live) != null) {
      return Optional.empty();
    }
    return Optional.of("no leader: " + String.join(", ", states));
  }
}
