package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftNode;

/**
 * The Raft server whose step was just taken, looked up once per event for all the Raft invariants
 * of a run that share this object, instead of once by each: every one of them asks after every
 * event, and each lookup is a hash lookup of the node and an optional.
 *
 * <p>The engine shows every event to every invariant, once, in order, so each sharer's count of the
 * events it was shown is the event's number: the first sharer shown an event looks the server up,
 * the others find it. The count, not the step, tells events apart: the engine fills one step object
 * for every step. The lookup is also made again when the step object differs from the last lookup's
 * (a context that makes a step per question), so one used alone still gets the truth.
 */
final class SteppedServer {
  private long event = -1; // The count the held lookup was made for.
  private Step step; // The step it was made for; null after an event that was no node's step.
  private NodeId id;
  private RaftNode server;

  /**
   * The live Raft server whose step was just taken, or null (after a fault, a client's step, or a
   * step of a server that is down); {@code event} is the caller's count of the events it has been
   * shown, this one included.
   */
  RaftNode server(InvariantContext context, long event) {
    Step now = context.lastStep().orElse(null);
    if (event != this.event || now != step) {
      this.event = event;
      step = now;
      id = ServerSteps.steppedId(context);
      server = ServerSteps.server(context, id);
    }
    return server;
  }

  /** The id of the node {@link #server} last answered for (null when no node stepped). */
  NodeId id() {
    return id;
  }
}
