package faultline.protocols.raft;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvReplica;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import faultline.protocols.raft.RaftMessage.AppendEntriesReply;
import faultline.protocols.raft.RaftMessage.RequestVote;
import faultline.protocols.raft.RaftMessage.RequestVoteReply;
import faultline.protocols.raft.RaftTimer.Server;

/**
 * A Raft server (Ongaro and Ousterhout, "In Search of an Understandable Consensus Algorithm
 * (Extended Version)", 2014), following Figure 2: leader election with randomized timeouts and the
 * up-to-date check (§5.2, §5.4.1), log replication with the consistency check, conflict truncation
 * and nextIndex back-off (§5.3), pipelined with per-follower progress (Ongaro's dissertation
 * §10.2.1; {@link FollowerProgress}), commitment of current-term entries only, by counting replicas
 * (§5.4.2), and a no-op entry when a leader takes office (§8). currentTerm, votedFor and the log
 * are synced to durable storage before the server answers (§5.1, Figure 2). Followers redirect
 * clients to the leader (§8). Options: PreVote and CheckQuorum (Ongaro's dissertation §9.6, §6.2),
 * fast conflict-term back-up, and ReadIndex or lease reads ({@link ReadMode}).
 *
 * <p>This class is the server's step, in etcd-raft's shape: the §5.1 term rule applied once to
 * every message, with PreVote's and a live leader's exceptions spelled out, then the message handed
 * to the step of the server's role. {@link ServerState} owns what the server knows; {@link
 * Election} is the election half, {@link Replication} the log half and {@link ClientService} the
 * key-value half, which serves the shared {@link KvMessage} clients through a {@link KvReplica}.
 * The planted mistakes of the bug zoo are strategies chosen once ({@link ServerRules}). After every
 * handler the server checks its own invariants ({@link SelfCheck}); the cluster's are those of
 * {@link faultline.protocols.raft.check.RaftInvariants}.
 */
public final class RaftNode implements Node<Message, RaftTimer> {
  private final ServerState state;
  private final Election election;
  private final Replication replication;
  private final ClientService clients;
  private final SelfCheck selfCheck = new SelfCheck();
  private Role recordedRole;
  private long recordedTerm = -1;

  public RaftNode(RaftConfig config) {
    this(config, ServerRules.electionRules(config));
  }

  /**
   * One of a cluster's servers, sharing {@code strings} with the others made for the same run: the
   * strings every server makes for the same entry are then made once.
   */
  public RaftNode(RaftConfig config, EntryStrings strings) {
    this(config, ServerRules.electionRules(config), strings);
  }

  /** A server that takes its vote rule and election timeouts from {@code election}. */
  public RaftNode(RaftConfig config, ElectionRules election) {
    this(config, election, new EntryStrings());
  }

  private RaftNode(RaftConfig config, ElectionRules election, EntryStrings strings) {
    this.state = new ServerState(config, ServerRules.of(config, election), strings);
    this.replication = new Replication(state);
    this.election = new Election(state, replication);
    this.clients = new ClientService(state, replication);
    replication.serving(clients);
  }

  /** The trace record of a role or term change. */
  public record RoleState(String role, long term) {}

  /** The trace record of an applied entry. */
  public record Applied(long index, long term, String command) {}

  @Override
  public void onStart(NodeContext<Message, RaftTimer> context) {
    state.enter(context);
    try {
      state.boot();
      state.becomeFollower();
      state.resetElectionTimer();
    } finally {
      endHandler();
    }
  }

  @Override
  public void onMessage(NodeContext<Message, RaftTimer> context, NodeId from, Message message) {
    state.enter(context);
    try {
      switch (message) {
        case RaftMessage raft -> step(from, raft);
        case ClientRequest request -> stepClient(from, request);
        default -> {} // Servers send no requests, so no replies come back; nothing else arrives.
      }
    } finally {
      endHandler();
    }
  }

  @Override
  public void onTimer(NodeContext<Message, RaftTimer> context, RaftTimer timer) {
    state.enter(context);
    try {
      if (state.role() == Role.LEADER) {
        switch (timer) {
          case Server.HEARTBEAT_DUE -> replication.onHeartbeatDue();
          case Server.CHECK_QUORUM_DUE -> election.onCheckQuorumDue();
          case Server
                  .ELECTION_TIMEOUT -> {} // Cancelled on taking office; never armed while leading.
        }
      } else if (timer == Server.ELECTION_TIMEOUT) {
        election.onElectionTimeout();
      } // A former leader's heartbeat and CheckQuorum timers were cancelled when it stepped down.
    } finally {
      endHandler();
    }
  }

  /**
   * Every Raft message goes through here. First the exceptions PreVote and leader stickiness make
   * to the term rule; then the term rule of §5.1, here and nowhere else: "If one server's current
   * term is smaller than the other's, then it updates its current term to the larger value. If a
   * candidate or leader discovers that its term is out of date, it immediately reverts to follower
   * state. If a server receives a request with a stale term number, it rejects the request." Then
   * the step of the server's role.
   */
  private void step(NodeId from, RaftMessage message) {
    if (message instanceof RequestVote request && election.refusedForLiveLeader(from, request)) {
      return; // §4.2.3 of Ongaro's dissertation: a live leader is not deposed, nor the term raised.
    }
    if (message instanceof RequestVoteReply reply
        && reply.preVote()
        && state.role() != Role.PRE_CANDIDATE) {
      return; // The answer to a pre-vote this server no longer holds: it changes nothing.
    }
    long currentTerm = state.currentTerm();
    if (message.term() > currentTerm && !keepsTerm(message)) {
      state.stepDown(
          message.term(), message instanceof AppendEntries append ? append.leader() : null);
    } else if (message.term() < currentTerm && !state.rules().staleTerms().admits(message)) {
      refuseStale(from, message);
      return;
    }
    if (message instanceof RequestVote request) {
      election.onRequestVote(from, request); // Every role votes alike.
      return;
    }
    switch (state.role()) {
      case LEADER -> stepLeader(from, message);
      case CANDIDATE, PRE_CANDIDATE -> stepCandidate(from, message);
      case FOLLOWER -> stepFollower(message);
    }
  }

  /**
   * PreVote's exception to the term rule (Ongaro's dissertation §9.6): a pre-vote request, and a
   * pre-vote granted, speak of a term the candidate has not entered, so neither moves the receiver
   * to it. A pre-vote refused carries the voter's real term, which the term rule applies.
   */
  private static boolean keepsTerm(RaftMessage message) {
    return switch (message) {
      case RequestVote request -> request.preVote();
      case RequestVoteReply reply -> reply.preVote() && reply.granted();
      default -> false;
    };
  }

  /** The term rule's rejection: a request of an older term is answered no; a reply is dropped. */
  private void refuseStale(NodeId from, RaftMessage message) {
    switch (message) {
      case RequestVote request -> election.refuse(from, request);
      case AppendEntries append -> replication.refuse(append);
      case RequestVoteReply ignored -> {}
      case AppendEntriesReply ignored -> {}
    }
  }

  private void stepLeader(NodeId from, RaftMessage message) {
    switch (message) {
      case AppendEntriesReply reply -> replication.onAppendEntriesReply(from, reply);
      case AppendEntries append -> replication.onAppendEntries(append); // Only a stale one, obeyed.
      case RequestVoteReply ignored -> {} // A late vote: the election is won.
      case RequestVote ignored -> {} // Answered by every role alike, before this step.
    }
  }

  private void stepCandidate(NodeId from, RaftMessage message) {
    switch (message) {
      case RequestVoteReply reply -> election.onVoteReply(from, reply);
      case AppendEntries append -> replication.onAppendEntries(append); // The term has a leader.
      case AppendEntriesReply ignored -> {} // Answers this server sent as a former leader.
      case RequestVote ignored -> {}
    }
  }

  private void stepFollower(RaftMessage message) {
    switch (message) {
      case AppendEntries append -> replication.onAppendEntries(append);
      case RequestVoteReply ignored -> {} // Answers to a candidacy this server gave up.
      case AppendEntriesReply ignored -> {} // Answers to a leadership this server lost.
      case RequestVote ignored -> {}
    }
  }

  /** Only a leader serves clients (§8); the others send them to the leader they know of. */
  private void stepClient(NodeId client, ClientRequest request) {
    if (state.role() == Role.LEADER) {
      clients.onClientRequest(client, request);
    } else {
      state.redirect(client, request);
    }
  }

  private void endHandler() {
    NodeContext<Message, RaftTimer> context = state.context();
    Role role = state.role();
    long term = state.currentTerm();
    selfCheck.afterHandler(state);
    state.countLimitHits();
    if (role != recordedRole || term != recordedTerm) {
      recordedRole = role;
      recordedTerm = term;
      context.recordState(new RoleState(role.name(), term));
      context.recordMax("raft.termMax", term);
    }
    state.leave();
  }

  // Read-only views for invariants and tests.

  public Role role() {
    return state.role();
  }

  public long currentTerm() {
    return state.booted() ? state.currentTerm() : 0;
  }

  public RaftLog log() {
    return state.booted() ? state.log() : new RaftLog();
  }

  public long commitIndex() {
    return state.commitIndex();
  }

  public long lastApplied() {
    return state.lastApplied();
  }

  public NodeId votedFor() {
    return state.booted() ? state.persistent().votedFor() : null;
  }

  /** How many servers make a majority of this server's cluster. */
  public int majority() {
    return state.config().majority();
  }
}
