package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftNode;

/**
 * Finds the Raft server whose step was just taken, for invariants that look only at it. Returns
 * nulls rather than optionals: every invariant asks after every event, so this is the hot path.
 */
final class ServerSteps {
  private ServerSteps() {}

  /** The node whose step was just taken, or null after an event that was no node's step. */
  static NodeId steppedId(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    return step == null ? null : step.node();
  }

  /** The live Raft server {@code id} (null when {@code id} is null, a client, or crashed). */
  static RaftNode server(InvariantContext context, NodeId id) {
    return id == null ? null : context.node(id, RaftNode.class).orElse(null);
  }
}
