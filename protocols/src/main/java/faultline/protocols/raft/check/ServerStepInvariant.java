package faultline.protocols.raft.check;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftNode;

/**
 * An invariant that looks only at the Raft server whose step was just taken: a server's state
 * changes only in its own steps, so checking it there after every event is checking it always.
 */
abstract class ServerStepInvariant implements Invariant {
  private SteppedServer stepped = new SteppedServer();

  /** Finds the stepped server through {@code shared}, as the run's other Raft invariants do. */
  final ServerStepInvariant sharing(SteppedServer shared) {
    this.stepped = shared;
    return this;
  }

  @Override
  public boolean readsCausalHistory() {
    return false; // Server states and steps' inputs only; so do all the Raft and key-value checks.
  }

  @Override
  public final void afterEvent(InvariantContext context) {
    RaftNode node = stepped.server(context);
    if (node != null) {
      afterServerStep(context, stepped.id(), node);
    }
  }

  /** Called after each step of a live server {@code node}, named {@code id}. */
  abstract void afterServerStep(InvariantContext context, NodeId id, RaftNode node);
}
