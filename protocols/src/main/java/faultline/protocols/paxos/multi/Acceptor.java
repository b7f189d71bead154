package faultline.protocols.paxos.multi;

import faultline.engine.node.Message;
import faultline.engine.node.NodeContext;
import faultline.protocols.paxos.Ballot;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Accept;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Accepted;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Nack;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Prepare;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Promise;
import faultline.protocols.paxos.multi.MultiPaxosMessage.SlotProposal;
import java.util.ArrayList;
import java.util.List;

/**
 * The acceptor role of Multi-Paxos (Paxos Made Simple §2.2 and §3): one promise for every slot,
 * since a leader's prepare covers "all instances" at once, and one accepted proposal per slot.
 * Promise a ballot at least every one promised; accept unless a higher ballot was promised (P1a).
 * Every change is on disk, synced, before the answer is returned to be sent.
 */
final class Acceptor {
  private final AcceptorLog log;
  private final List<SlotProposal> acceptedInStep = new ArrayList<>();

  Acceptor(NodeContext<Message, MultiPaxosTimer> context) {
    this.log = AcceptorLog.load(context.storage());
  }

  Ballot promised() {
    return log.promised();
  }

  AcceptorLog log() {
    return log;
  }

  /** The proposals accepted in the last step (for the checkers), until the next one begins. */
  List<SlotProposal> acceptedInLastStep() {
    return acceptedInStep;
  }

  void beginStep() {
    acceptedInStep.clear();
  }

  /** The answer to a prepare request: a promise, or a rejection naming the higher promise. */
  MultiPaxosMessage onPrepare(Prepare prepare) {
    Ballot ballot = prepare.ballot();
    if (ballot.isBelow(log.promised())) {
      return new Nack(ballot, Nack.Request.PREPARE, log.promised());
    }
    if (ballot.isAbove(log.promised())) {
      log.promise(ballot);
      log.sync();
    }
    return new Promise(ballot, prepare.fromSlot(), log.acceptedFrom(prepare.fromSlot()));
  }

  /** The answer to an accept request: an acceptance, or a rejection naming the higher promise. */
  MultiPaxosMessage onAccept(Accept accept) {
    Ballot ballot = accept.ballot();
    if (ballot.isBelow(log.promised())) {
      return new Nack(ballot, Nack.Request.ACCEPT, log.promised());
    }
    SlotProposal proposal = new SlotProposal(accept.slot(), ballot, accept.value());
    if (!proposal.equals(log.accepted(accept.slot()))) {
      log.accept(proposal);
      log.sync();
      acceptedInStep.add(proposal);
    }
    return new Accepted(ballot, accept.slot());
  }
}
