package faultline.protocols.swim;

import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberStatus;

/**
 * One membership update, the unit SWIM disseminates by piggybacking it on pings, ping-reqs and acks
 * (Das, Gupta and Motivala, DSN 2002, §4.1): {@code member} is alive, suspected, confirmed faulty
 * or has left, at {@code incarnation}. {@code from} is the member that said so first: the member
 * itself for an alive (a join or a refutation) or a leave, the suspecter for a suspect, the member
 * whose suspicion timed out for a confirm. Lifeguard counts distinct suspecters of one suspicion as
 * independent confirmations, so re-gossip keeps {@code from}.
 */
public record Update(Kind kind, NodeId member, long incarnation, NodeId from) {
  public enum Kind {
    ALIVE,
    SUSPECT,
    CONFIRM,
    LEAVE;

    /** The status a member holds after accepting an update of this kind. */
    public MemberStatus status() {
      return switch (this) {
        case ALIVE -> MemberStatus.ALIVE;
        case SUSPECT -> MemberStatus.SUSPECT;
        case CONFIRM -> MemberStatus.FAULTY;
        case LEAVE -> MemberStatus.LEFT;
      };
    }

    /** The update that announces {@code status}; null for {@code UNKNOWN}. */
    public static Kind announcing(MemberStatus status) {
      return switch (status) {
        case ALIVE -> ALIVE;
        case SUSPECT -> SUSPECT;
        case FAULTY -> CONFIRM;
        case LEFT -> LEAVE;
        case UNKNOWN -> null;
      };
    }
  }

  public Update {
    if (kind == null || member == null || from == null || incarnation < 0) {
      throw new IllegalArgumentException(
          "an update needs a kind, a member, a sender and an incarnation >= 0");
    }
  }

  public static Update alive(NodeId member, long incarnation) {
    return new Update(Kind.ALIVE, member, incarnation, member);
  }

  public static Update suspect(NodeId member, long incarnation, NodeId from) {
    return new Update(Kind.SUSPECT, member, incarnation, from);
  }

  public static Update confirm(NodeId member, long incarnation, NodeId from) {
    return new Update(Kind.CONFIRM, member, incarnation, from);
  }

  public static Update leave(NodeId member, long incarnation) {
    return new Update(Kind.LEAVE, member, incarnation, member);
  }
}
