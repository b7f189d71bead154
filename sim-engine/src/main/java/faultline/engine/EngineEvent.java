package faultline.engine;

import faultline.engine.causal.VectorStamp;
import faultline.engine.fault.Fault;
import faultline.engine.net.Network;
import faultline.engine.node.Message;
import faultline.engine.node.TimerTag;

/** What the event queue holds. Indices refer to the run's sorted node list. */
sealed interface EngineEvent {
  record Start(int node) implements EngineEvent {}

  /**
   * A copy of a message on its way. Its sender, recipient and copy number share one int, {@code
   * route}, so that the event takes 32 bytes rather than 40: it is the run's most frequent
   * allocation (a seventh of the Raft workload's bytes). Hence at most {@link #NODES_MAX} nodes.
   */
  record Deliver(int route, long messageId, Message message, VectorStamp senderStamp)
      implements EngineEvent {
    /** Node indices below this fit: the sender takes 16 bits, the recipient 15, the copy 1. */
    static final int NODES_MAX = 1 << 15;

    static Deliver of(
        int from, int to, long messageId, int copy, Message message, VectorStamp senderStamp) {
      if (from >= NODES_MAX || to >= NODES_MAX || copy < 1 || copy > Network.COPIES_MAX) {
        throw new IllegalArgumentException(
            "no route from node " + from + " to node " + to + " for copy " + copy);
      }
      return new Deliver(from << 16 | to << 1 | (copy - 1), messageId, message, senderStamp);
    }

    int from() {
      return route >>> 16;
    }

    int to() {
      return (route >>> 1) & (NODES_MAX - 1);
    }

    /** 1, or 2 for the duplicate. */
    int copy() {
      return (route & 1) + 1;
    }
  }

  record FireTimer(int node, TimerTag tag, long generation, long dueNanos) implements EngineEvent {}

  record InjectFault(Fault fault) implements EngineEvent {}

  record Resume(int node, long pauseId) implements EngineEvent {}
}
