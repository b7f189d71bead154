package faultline.protocols.paxos;

import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.PaxosMessage.Accept;
import faultline.protocols.paxos.PaxosMessage.Accepted;
import faultline.protocols.paxos.PaxosMessage.Nack;
import faultline.protocols.paxos.PaxosMessage.Prepare;
import faultline.protocols.paxos.PaxosMessage.Promise;

/**
 * A node of single-decree Paxos (Lamport, "Paxos Made Simple", 2001), playing any of the three
 * roles of §2.1, as servers do in practice: an {@link Acceptor}, a {@link Proposer} and a {@link
 * Learner}. Each message goes to the role it is for; before that, the ballot it carries is shown to
 * the proposer, which abandons an attempt that a higher ballot has overtaken (the one place that
 * rule lives). A node records a {@code state} trace event whenever its role, ballot, accepted
 * proposal or learned value changes.
 *
 * <p>Upholds, with its peers, the invariants of {@code faultline.protocols.paxos.check}: at most
 * one value is chosen, only a proposed value, learners learn only the chosen value, and acceptors
 * never break a promise, across crashes.
 */
public final class PaxosNode implements Node<PaxosMessage, PaxosTimer> {
  private final Acceptor acceptor; // Null unless this node is an acceptor; likewise below.
  private final Proposer proposer;
  private final Learner learner;
  private NodeState recorded;

  /** The trace record of a node's state; fields that do not apply are null. */
  public record NodeState(String role, Ballot ballot, String accepted, String learned) {}

  public PaxosNode(PaxosConfig config, NodeId self) {
    this.acceptor = config.isAcceptor(self) ? new Acceptor(config) : null;
    ProposerSpec spec = config.proposerOf(self);
    this.proposer = spec == null ? null : new Proposer(config, spec);
    this.learner = config.isLearner(self) ? new Learner(config) : null;
  }

  @Override
  public void onStart(NodeContext<PaxosMessage, PaxosTimer> context) {
    if (acceptor != null) {
      acceptor.onStart(context);
    }
    if (proposer != null) {
      proposer.onStart(context);
    }
    endHandler(context);
  }

  @Override
  public void onMessage(
      NodeContext<PaxosMessage, PaxosTimer> context, NodeId from, PaxosMessage message) {
    if (proposer != null) {
      proposer.observe(context, message.highestBallot());
    }
    switch (message) {
      case Prepare prepare -> acceptor.onPrepare(context, from, prepare);
      case Accept accept -> acceptor.onAccept(context, from, accept);
      case Promise promise -> proposer.onPromise(context, from, promise);
      case Nack nack -> {} // Its ballot was all it had to say, and the proposer has seen it.
      case Accepted accepted -> onAccepted(context, from, accepted);
    }
    endHandler(context);
  }

  private void onAccepted(
      NodeContext<PaxosMessage, PaxosTimer> context, NodeId from, Accepted accepted) {
    if (learner != null && learner.onAccepted(from, accepted)) {
      context.note("learned \"" + learner.learned() + "\" at " + learner.learnedAt());
      context.count("paxos.learned", 1);
      if (proposer != null) {
        proposer.finish(context, learner.learned());
      }
    }
    if (proposer != null) {
      proposer.onAccepted(context, from, accepted);
    }
  }

  @Override
  public void onTimer(NodeContext<PaxosMessage, PaxosTimer> context, PaxosTimer timer) {
    proposer.onTimer(context, timer); // Only proposers arm timers.
    endHandler(context);
  }

  private void endHandler(NodeContext<PaxosMessage, PaxosTimer> context) {
    NodeState now = state();
    if (!now.equals(recorded)) {
      recorded = now;
      context.recordState(now);
    }
  }

  private NodeState state() {
    String learned = learned();
    AcceptorState accepting = acceptorState();
    String accepted =
        accepting == null || !accepting.hasAccepted()
            ? null
            : accepting.acceptedBallot() + "=" + accepting.acceptedValue();
    if (proposer != null) {
      return new NodeState(proposer.phase().name(), proposer.ballot(), accepted, learned);
    }
    if (acceptor != null) {
      return new NodeState("ACCEPTOR", accepting.promised(), accepted, learned);
    }
    return new NodeState("LEARNER", null, null, learned);
  }

  // Read-only views for invariants and tests.

  /** The acceptor's state, or null if this node is no acceptor. */
  public AcceptorState acceptorState() {
    return acceptor == null ? null : acceptor.state();
  }

  /** The value this node's learner learned, or else its proposer knows chosen; null if neither. */
  public String learned() {
    if (learner != null && learner.learned() != null) {
      return learner.learned();
    }
    return proposer == null ? null : proposer.chosen();
  }

  /** The proposer's current ballot, or null if this node is no proposer. */
  public Ballot proposerBallot() {
    return proposer == null ? null : proposer.ballot();
  }
}
