package faultline.protocols.paxos.multi;

import faultline.engine.node.Message;
import faultline.protocols.paxos.Ballot;
import java.util.List;

/**
 * The messages of Multi-Paxos between servers (Paxos Made Simple §3), named for their phase so that
 * a timeline tells phase 1 (Prepare, Promise: once per leader, for every slot from {@code fromSlot}
 * on) from phase 2 (Accept, Accepted: once per slot), plus what Lamport leaves to the
 * implementation and Paxos Made Live and Paxos Made Moderately Complex settle: rejections that name
 * the higher promise, the leader's heartbeats and their replies (the failure detector, and how a
 * lagging replica says what it lacks), and the announcements of chosen values.
 */
public sealed interface MultiPaxosMessage extends Message {
  /** The ballot the message is about (the sender's, for a leader's or candidate's message). */
  Ballot ballot();

  /** The highest ballot the message shows to exist: the ballot rule compares this one. */
  default Ballot highestBallot() {
    return ballot();
  }

  /** A proposal an acceptor holds: {@code value} accepted at {@code ballot} in {@code slot}. */
  record SlotProposal(long slot, Ballot ballot, SlotValue value) {}

  /** A value known to be chosen in {@code slot}. */
  record Decision(long slot, SlotValue value) {}

  /** Phase 1a: a candidate asks every acceptor to promise {@code ballot} for all slots. */
  record Prepare(Ballot ballot, long fromSlot) implements MultiPaxosMessage {}

  /**
   * Phase 1b: the acceptor promises {@code ballot} for every slot, and reports each proposal it
   * accepted in a slot at or above {@code fromSlot}.
   */
  record Promise(Ballot ballot, long fromSlot, List<SlotProposal> accepted)
      implements MultiPaxosMessage {
    public Promise {
      accepted = List.copyOf(accepted);
    }
  }

  /** Phase 2a: the leader asks every acceptor to accept {@code value} in {@code slot}. */
  record Accept(Ballot ballot, long slot, SlotValue value) implements MultiPaxosMessage {}

  /** Phase 2b: the acceptor accepted the leader's value in {@code slot}; sent to the leader. */
  record Accepted(Ballot ballot, long slot) implements MultiPaxosMessage {}

  /** Which request a {@link Nack} refuses. */
  enum Request {
    PREPARE,
    ACCEPT
  }

  /** The request for {@code ballot} was refused: the acceptor promised {@code promised}, higher. */
  record Nack(Ballot ballot, Request refused, Ballot promised) implements MultiPaxosMessage {
    @Override
    public Ballot highestBallot() {
      return Ballot.max(ballot, promised);
    }
  }

  /**
   * The leader of {@code ballot} is alive, and knows every slot below {@code chosenBelow} chosen.
   */
  record Heartbeat(Ballot ballot, long chosenBelow) implements MultiPaxosMessage {}

  /**
   * A server's answer to a heartbeat: the highest ballot it knows ({@code seen}: above the leader's
   * one, it deposes the leader), and the first slot it does not know chosen, so the leader can send
   * what it lacks.
   */
  record HeartbeatReply(Ballot ballot, Ballot seen, long chosenBelow) implements MultiPaxosMessage {
    @Override
    public Ballot highestBallot() {
      return Ballot.max(ballot, seen);
    }
  }

  /** The leader of {@code ballot} announces values chosen (at once, or to a lagging server). */
  record Chosen(Ballot ballot, List<Decision> decisions) implements MultiPaxosMessage {
    public Chosen {
      decisions = List.copyOf(decisions);
    }
  }
}
