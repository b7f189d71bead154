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
   * route} (the sender takes 16 bits, the recipient 15, the copy 1), hence at most {@link
   * #NODES_MAX} nodes. It is the run's most frequent allocation (an eighth of the Raft workload's
   * bytes), so it comes in two sizes: {@link Narrow}, 24 bytes, when it carries no stamp (the run
   * does not track the causal history) and its message id fits an int, as in every bundled
   * scenario; {@link Wide}, 32 bytes, otherwise. A class rather than an interface, so that telling
   * a delivery from other events stays one class check.
   */
  abstract sealed class Deliver implements EngineEvent permits Deliver.Narrow, Deliver.Wide {
    /** Node indices below this fit. */
    static final int NODES_MAX = 1 << 15;

    private final int route;
    private final Message message;

    private Deliver(int route, Message message) {
      this.route = route;
      this.message = message;
    }

    static Deliver of(
        int from, int to, long messageId, int copy, Message message, VectorStamp senderStamp) {
      if (from >= NODES_MAX || to >= NODES_MAX || copy < 1 || copy > Network.COPIES_MAX) {
        throw new IllegalArgumentException(
            "no route from node " + from + " to node " + to + " for copy " + copy);
      }
      int route = from << 16 | to << 1 | (copy - 1);
      return senderStamp == null && messageId >= 0 && messageId <= Integer.MAX_VALUE
          ? new Narrow(route, (int) messageId, message)
          : new Wide(route, messageId, message, senderStamp);
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

    Message message() {
      return message;
    }

    abstract long messageId();

    /** The sending step's stamp; null when the run does not track the causal history. */
    abstract VectorStamp senderStamp();

    /** Without a stamp, with an id below 2^31: 12 bytes of header and three 4-byte fields. */
    static final class Narrow extends Deliver {
      private final int messageId;

      private Narrow(int route, int messageId, Message message) {
        super(route, message);
        this.messageId = messageId;
      }

      @Override
      long messageId() {
        return messageId;
      }

      @Override
      VectorStamp senderStamp() {
        return null;
      }
    }

    /** With a stamp, or an id beyond an int. */
    static final class Wide extends Deliver {
      private final long messageId;
      private final VectorStamp senderStamp;

      private Wide(int route, long messageId, Message message, VectorStamp senderStamp) {
        super(route, message);
        this.messageId = messageId;
        this.senderStamp = senderStamp;
      }

      @Override
      long messageId() {
        return messageId;
      }

      @Override
      VectorStamp senderStamp() {
        return senderStamp;
      }
    }
  }

  record FireTimer(int node, TimerTag tag, long generation, long dueNanos) implements EngineEvent {}

  record InjectFault(Fault fault) implements EngineEvent {}

  record Resume(int node, long pauseId) implements EngineEvent {}
}
