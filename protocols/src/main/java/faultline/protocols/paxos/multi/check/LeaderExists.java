package faultline.protocols.paxos.multi.check;

import faultline.engine.check.Eventually;
import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.multi.MultiPaxosServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Multi-Paxos's liveness once the faults stop (Paxos Made Simple §3: progress needs one
 * distinguished proposer): a leader exists, as {@link MultiPaxosLeadership} judges it. When it
 * fails, the message lists every server's role, which is what a reader needs to see why.
 */
final class LeaderExists implements Eventually {
  private final int phase2Quorum;

  LeaderExists(int phase2Quorum) {
    this.phase2Quorum = phase2Quorum;
  }

  @Override
  public String name() {
    return MultiPaxosProperties.LEADER_EXISTS;
  }

  @Override
  public String description() {
    return "A leader exists: some live server leads a ballot that a phase-2 quorum of live"
        + " acceptors has promised.";
  }

  @Override
  public Optional<String> judge(InvariantContext context) {
    List<MultiPaxosServer> live = new ArrayList<>();
    List<String> states = new ArrayList<>();
    for (NodeId id : context.nodes()) {
      Optional<MultiPaxosServer> server = context.node(id, MultiPaxosServer.class);
      if (server.isPresent()) {
        live.add(server.get());
        states.add(id + " " + server.get().roleName().toLowerCase(Locale.ROOT));
      } else if (!context.isUp(id)) {
        states.add(id + " down");
      }
    }
    if (MultiPaxosLeadership.hasLeader(live, phase2Quorum)) {
      return Optional.empty();
    }
    return Optional.of("no leader: " + String.join(", ", states));
  }
}
