package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftNode;

/**
 * The Raft server whose step was just taken, looked up once per event for all the Raft invariants
 * of a run that share this object, instead of once by each: every one of them asks after every
 * event, and each lookup is a hash lookup of the node and an optional.
 *
 * <p>Events are told apart by the engine's {@link InvariantContext#eventNumber()}: the first sharer
 * shown an event looks the server up, the others find it. A context that does not number its events
 * (a test's fake) gets a lookup at every call.
 */
final class SteppedServer {
  private long event; // The event number the held lookup was made for; 0 for none.
  private NodeId id;
  private RaftNode server;

  /**
   * The live Raft server whose step was just taken, or null (after a fault, a client's step, or a
   * step of a server that is down).
   */
  RaftNode server(InvariantContext context) {
    long now = context.eventNumber();
    if (now == 0 || now != event) {
      event = now;
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
