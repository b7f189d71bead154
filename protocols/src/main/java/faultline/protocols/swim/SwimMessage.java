package faultline.protocols.swim;

import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import java.util.List;

/**
 * SWIM's messages (Das, Gupta and Motivala, DSN 2002, §3.1 and §4.1), each carrying piggybacked
 * membership updates ({@code gossip}), plus Lifeguard's nack (Dadgar et al. 2017, §IV-A, as
 * memberlist has it) and the join through a seed member.
 */
public sealed interface SwimMessage extends Message {
  /** The updates piggybacked on this message, in the order the sender chose them. */
  List<Update> gossip();

  /** A direct probe of the receiver; answered with an {@link Ack} of the same {@code seq}. */
  record Ping(long seq, List<Update> gossip) implements SwimMessage {
    public Ping {
      gossip = List.copyOf(gossip);
    }
  }

  /**
   * Asks the receiver to ping {@code target} and relay its ack (§3.1); with {@code wantsNack}, to
   * answer with a {@link Nack} if the target does not answer in time (Lifeguard).
   */
  record PingReq(long seq, NodeId target, boolean wantsNack, List<Update> gossip)
      implements SwimMessage {
    public PingReq {
      gossip = List.copyOf(gossip);
    }
  }

  /** The answer to a ping, or a relayed answer to a ping-req, with the prober's {@code seq}. */
  record Ack(long seq, List<Update> gossip) implements SwimMessage {
    public Ack {
      gossip = List.copyOf(gossip);
    }
  }

  /** A helper could not reach the target of a ping-req in time (Lifeguard). */
  record Nack(long seq, List<Update> gossip) implements SwimMessage {
    public Nack {
      gossip = List.copyOf(gossip);
    }
  }

  /** Updates sent on their own: how a leaving member tells a few others before it goes. */
  record Gossip(List<Update> gossip) implements SwimMessage {
    public Gossip {
      gossip = List.copyOf(gossip);
    }
  }

  /** Asks a seed member to admit the sender at {@code incarnation}. */
  record Join(long incarnation, List<Update> gossip) implements SwimMessage {
    public Join {
      gossip = List.copyOf(gossip);
    }
  }

  /** The seed's whole membership list, one update per member, for a member that joins. */
  record JoinReply(List<Update> members, List<Update> gossip) implements SwimMessage {
    public JoinReply {
      members = List.copyOf(members);
      gossip = List.copyOf(gossip);
    }
  }

  /**
   * An estimate of the message's size on the wire, in bytes, for the load figures: a 12-byte header
   * (type, sequence number, target), 24 bytes per update (kind, incarnation, two member names), as
   * memberlist's compound UDP messages roughly take.
   */
  static long wireBytes(SwimMessage message) {
    long updates = message.gossip().size();
    if (message instanceof JoinReply reply) {
      updates += reply.members().size();
    }
    return 12 + 24 * updates;
  }
}
