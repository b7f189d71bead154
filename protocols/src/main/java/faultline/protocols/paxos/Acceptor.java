package faultline.protocols.paxos;

import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.AcceptorRules.Decision;
import faultline.protocols.paxos.PaxosMessage.Accept;
import faultline.protocols.paxos.PaxosMessage.Accepted;
import faultline.protocols.paxos.PaxosMessage.Nack;
import faultline.protocols.paxos.PaxosMessage.Prepare;
import faultline.protocols.paxos.PaxosMessage.Promise;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The acceptor role (Paxos Made Simple §2.2, §3): answers prepare and accept requests by its {@link
 * AcceptorRules}, and records each decision on its disk, synced when the rules say so, before the
 * answer leaves. An accepted proposal is announced to every learner and to its proposer (§2.3, the
 * "each acceptor informs each learner" strategy).
 */
final class Acceptor {
  private final AcceptorRules rules;
  private final AcceptorStore store;
  private final List<NodeId> announceTo;
  private AcceptorState state = AcceptorState.INITIAL;

  Acceptor(PaxosConfig config) {
    this.rules = config.acceptorRules();
    this.store = config.acceptorStore();
    this.announceTo = config.learners();
  }

  AcceptorState state() {
    return state;
  }

  void onStart(NodeContext<PaxosMessage, PaxosTimer> context) {
    state = store.load(context.storage());
  }

  void onPrepare(NodeContext<PaxosMessage, PaxosTimer> context, NodeId from, Prepare prepare) {
    Ballot ballot = prepare.ballot();
    Decision decision = checked(rules.onPrepare(state, ballot), "onPrepare");
    if (decision.granted() && decision.next().promised().isBelow(ballot)) {
      throw new IllegalStateException(
          "onPrepare granted a promise of " + ballot + " but the next state promises less");
    }
    apply(context, decision);
    if (decision.granted()) {
      context.send(from, new Promise(ballot, state.acceptedBallot(), state.acceptedValue()));
    } else {
      context.send(from, new Nack(ballot, 1, state.promised()));
    }
  }

  void onAccept(NodeContext<PaxosMessage, PaxosTimer> context, NodeId from, Accept accept) {
    Ballot ballot = accept.ballot();
    Decision decision = checked(rules.onAccept(state, ballot, accept.value()), "onAccept");
    if (decision.granted()
        && !(ballot.equals(decision.next().acceptedBallot())
            && accept.value().equals(decision.next().acceptedValue()))) {
      throw new IllegalStateException(
          "onAccept granted " + ballot + " but the next state does not record that proposal");
    }
    apply(context, decision);
    if (!decision.granted()) {
      context.send(from, new Nack(ballot, 2, state.promised()));
      return;
    }
    TreeSet<NodeId> recipients = new TreeSet<>(announceTo);
    recipients.add(from);
    Accepted accepted = new Accepted(ballot, accept.value());
    for (NodeId recipient : recipients) {
      context.send(recipient, accepted);
    }
  }

  private static Decision checked(Decision decision, String rule) {
    return Objects.requireNonNull(decision, () -> rule + " returned null instead of a decision");
  }

  /** Keeps the decision's state and writes it down; with a sync, it survives any crash. */
  private void apply(NodeContext<PaxosMessage, PaxosTimer> context, Decision decision) {
    if (!decision.next().equals(state)) {
      state = decision.next();
      AcceptorStore.write(context.storage(), state);
    }
    if (decision.syncBeforeReply()) {
      context.storage().sync();
    }
  }
}
