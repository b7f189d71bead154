package faultline.protocols.paxos.multi;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.paxos.Ballot;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Accept;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Accepted;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Chosen;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Decision;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Heartbeat;
import faultline.protocols.paxos.multi.MultiPaxosMessage.HeartbeatReply;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Nack;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Prepare;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Promise;
import faultline.protocols.paxos.multi.MultiPaxosMessage.SlotProposal;
import java.util.ArrayDeque;
import java.util.List;
import java.util.NavigableMap;

/**
 * A Multi-Paxos server (Lamport, "Paxos Made Simple", 2001, §3) of a replicated key-value store: an
 * acceptor ({@link Acceptor}), a replica that learns chosen values and applies them in slot order
 * ({@link Replica}), and, if it may lead, a proposer that is a {@link Follower}, a {@link
 * Candidate} or the {@link Leader} at any moment. Clients talk to the leader; others redirect them.
 *
 * <p>This class owns the server's state: the highest ballot it has seen and the role it is in. It
 * applies the ballot rule once, before any message is dispatched (a higher ballot deposes a
 * candidate or leader, and the leader of the highest ballot is the one a follower waits for), then
 * hands the message to the role it is for. Upholds, with its peers, the invariants of {@code
 * faultline.protocols.paxos.multi.check}.
 */
public final class MultiPaxosServer implements Node<Message, MultiPaxosTimer> {
  /** Messages a server may send itself in one step: far above what recovery of a run needs. */
  private static final int LOOPBACK_MAX = 1_000_000;

  private final MultiPaxosConfig config;
  private final NodeId self;
  private NodeContext<Message, MultiPaxosTimer> context; // Only during a handler call.
  private Acceptor acceptor; // Null unless this server accepts.
  private Replica replica;
  private Role role = Follower.INSTANCE;
  private Ballot highestSeen = Ballot.NONE;
  private ServerState recorded;
  private final ArrayDeque<MultiPaxosMessage> loopback = new ArrayDeque<>();

  /** The trace record of a server's state: its role, and the ballot it runs or follows. */
  public record ServerState(String role, Ballot ballot) {}

  public MultiPaxosServer(MultiPaxosConfig config, NodeId self) {
    this.config = config;
    this.self = self;
  }

  @Override
  public void onStart(NodeContext<Message, MultiPaxosTimer> context) {
    this.context = context;
    try {
      acceptor = config.isAcceptor(self) ? new Acceptor(context) : null;
      replica = new Replica(context);
      Ballot tried = context.storage().get(Candidate.BALLOT_KEY, Ballot.class).orElse(null);
      highestSeen = Ballot.max(tried == null ? Ballot.NONE : tried, promised());
      replica.replay(context, null);
      if (self.equals(config.firstLeader()) && tried == null) {
        role = Candidate.stand(this); // The first boot of the distinguished proposer.
      } else {
        armLeaderTimeout();
      }
      deliverLoopback();
    } finally {
      endHandler();
    }
  }

  @Override
  public void onMessage(
      NodeContext<Message, MultiPaxosTimer> context, NodeId from, Message message) {
    beginStep(context);
    try {
      if (message instanceof MultiPaxosMessage paxos) {
        applyBallotRule(from, paxos);
      }
      dispatch(from, message);
      deliverLoopback();
    } finally {
      endHandler();
    }
  }

  /**
   * The ballot rule, the one place it lives: a ballot above every one seen deposes this server's
   * candidacy or leadership; and any message from the owner of the highest ballot, about that
   * ballot, is a sign of life that re-arms a follower's failure detector.
   */
  private void applyBallotRule(NodeId from, MultiPaxosMessage message) {
    Ballot seen = message.highestBallot();
    if (seen.isAbove(highestSeen)) {
      highestSeen = seen;
      if (role.ballot() != null && seen.isAbove(role.ballot())) {
        context.count("multipaxos.preemptions", 1);
        role.stepDown(this);
        role = Follower.INSTANCE;
        armLeaderTimeout();
      }
    }
    if (role instanceof Follower
        && message.ballot().equals(highestSeen)
        && from.equals(highestSeen.node())) {
      armLeaderTimeout();
    }
  }

  private void dispatch(NodeId from, Message message) {
    switch (message) {
      case Prepare prepare when acceptor != null -> send(from, acceptor.onPrepare(prepare));
      case Accept accept when acceptor != null -> send(from, acceptor.onAccept(accept));
      case Promise promise -> role = role.onPromise(this, from, promise);
      case Accepted accepted -> role = role.onAccepted(this, from, accepted);
      case HeartbeatReply reply -> role = role.onHeartbeatReply(this, from, reply);
      case ClientRequest request -> role = role.onClientRequest(this, from, request);
      case Heartbeat heartbeat ->
          send(from, new HeartbeatReply(heartbeat.ballot(), highestSeen, replica.chosenBelow()));
      case Chosen chosen -> {
        for (Decision decision : chosen.decisions()) {
          replica.learn(context, decision.slot(), decision.value(), leaderHint());
        }
      }
      case Nack nack -> {} // The ballot rule did all that a rejection asks for.
      default -> {} // Requests for a role this server does not play; client replies.
    }
  }

  @Override
  public void onTimer(NodeContext<Message, MultiPaxosTimer> context, MultiPaxosTimer timer) {
    beginStep(context);
    try {
      role = role.onTimer(this, timer);
      deliverLoopback();
    } finally {
      endHandler();
    }
  }

  /** What the checkers read of one step is what that step did: the last step's lists go. */
  private void beginStep(NodeContext<Message, MultiPaxosTimer> context) {
    this.context = context;
    if (acceptor != null) {
      acceptor.beginStep();
    }
    replica.beginStep();
    if (role instanceof Leader leader) {
      leader.beginStep();
    }
  }

  /**
   * Delivers, within this step, what this server sent itself: its own acceptor's answers are a
   * local disk write away, not a network hop, as they are for a real leader (and for Raft's, which
   * counts its own log without a message). Each goes through the ballot rule like any message.
   */
  private void deliverLoopback() {
    noteOwnBallot();
    for (int delivered = 0; !loopback.isEmpty(); delivered++) {
      if (delivered == LOOPBACK_MAX) {
        throw new IllegalStateException(
            self + " sent itself more than " + LOOPBACK_MAX + " messages");
      }
      MultiPaxosMessage message = loopback.poll();
      applyBallotRule(self, message);
      dispatch(self, message);
      noteOwnBallot();
    }
  }

  /** A new candidacy's ballot is the highest this server has seen: it chose it so. */
  private void noteOwnBallot() {
    if (role.ballot() != null) {
      highestSeen = Ballot.max(highestSeen, role.ballot());
    }
  }

  private void endHandler() {
    checkInvariants();
    ServerState now =
        new ServerState(role.name(), role.ballot() == null ? highestSeen : role.ballot());
    if (!now.equals(recorded)) {
      recorded = now;
      context.recordState(now);
    }
    context = null;
  }

  /** What this server checks of itself after every step (TigerBeetle-style assertions). */
  private void checkInvariants() {
    if (acceptor != null && acceptor.promised().isAbove(highestSeen)) {
      throw new IllegalStateException(self + " promised " + acceptor.promised() + " unseen");
    }
    if (role.ballot() != null && !role.ballot().equals(highestSeen)) {
      throw new IllegalStateException(
          self + " is " + role.name() + " at " + role.ballot() + " below " + highestSeen);
    }
  }

  // For the roles: the step's context and the server's parts, read-only.

  NodeContext<Message, MultiPaxosTimer> context() {
    return context;
  }

  MultiPaxosConfig config() {
    return config;
  }

  NodeId self() {
    return self;
  }

  Replica replica() {
    return replica;
  }

  Ballot highestSeen() {
    return highestSeen;
  }

  /** The leader a client should try: the owner of the highest ballot, unless it is this server. */
  NodeId leaderHint() {
    NodeId owner = highestSeen.node();
    return owner == null || owner.equals(self) ? null : owner;
  }

  /** Sends {@code message} to {@code to}; to this server itself, within the step. */
  void send(NodeId to, MultiPaxosMessage message) {
    if (to.equals(self)) {
      loopback.add(message);
    } else {
      context.send(to, message);
    }
  }

  void sendToAcceptors(MultiPaxosMessage message) {
    for (NodeId node : config.acceptors()) {
      send(node, message);
    }
  }

  void sendToOtherServers(MultiPaxosMessage message) {
    for (NodeId node : config.servers()) {
      if (!node.equals(self)) {
        context.send(node, message);
      }
    }
  }

  /** Re-arms the failure detector with a fresh randomized timeout; proposers only. */
  void armLeaderTimeout() {
    MultiPaxosConfig.TimeoutRange range = config.leaderTimeout(self);
    if (range != null) {
      context.setTimer(
          MultiPaxosTimer.LEADER_TIMEOUT,
          context.random().nextLongBetween(range.minNanos(), range.maxNanos()));
    }
  }

  // Read-only views for invariants and tests.

  /** The acceptor's promise ({@link Ballot#NONE} if none, or if this server does not accept). */
  public Ballot promised() {
    return acceptor == null ? Ballot.NONE : acceptor.promised();
  }

  /** Whether this server accepts. */
  public boolean isAcceptor() {
    return acceptor != null;
  }

  /** The proposals this server's acceptor accepted in its last step. */
  public List<SlotProposal> acceptedInLastStep() {
    return acceptor == null ? List.of() : acceptor.acceptedInLastStep();
  }

  /** Every proposal this server's acceptor holds, by slot. */
  public NavigableMap<Long, SlotProposal> acceptedProposals() {
    return acceptor == null ? java.util.Collections.emptyNavigableMap() : acceptor.log().all();
  }

  /** The values this server learned chosen in its last step. */
  public List<Decision> learnedInLastStep() {
    return replica.learnedInLastStep();
  }

  /** Every value this server knows chosen, by slot. */
  public NavigableMap<Long, SlotValue> chosenValues() {
    return replica.allChosen();
  }

  /** The slots this server proposed as leader in its last step. */
  public List<Long> proposedInLastStep() {
    return role instanceof Leader leader ? leader.proposedInLastStep() : List.of();
  }

  /** The first slot this server does not know chosen; every slot below is applied. */
  public long chosenBelow() {
    return replica.chosenBelow();
  }

  /** {@code FOLLOWER}, {@code CANDIDATE} or {@code LEADER}. */
  public String roleName() {
    return role.name();
  }

  /** The ballot this server leads or stands at; null for a follower. */
  public Ballot ownBallot() {
    return role.ballot();
  }

  /** The highest ballot this server has seen. */
  public Ballot highestBallotSeen() {
    return highestSeen;
  }
}
