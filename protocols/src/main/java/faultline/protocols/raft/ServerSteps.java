package faultline.protocols.raft;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import java.util.Optional;

/** Finds the Raft server whose step was just taken, for invariants that look only at it. */
final class ServerSteps {
  private ServerSteps() {}

  record Stepped(NodeId id, RaftNode node) {}

  static Optional<Stepped> stepped(InvariantContext context) {
    Optional<Step> step = context.lastStep();
    if (step.isEmpty()) {
      return Optional.empty();
    }
    NodeId id = step.get().node();
    return context.node(id, RaftNode.class).map(node -> new Stepped(id, node));
  }
}
