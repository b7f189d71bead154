package faultline.protocols.raft;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvReplica;
import faultline.protocols.kv.ReplyStatus;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import faultline.protocols.raft.RaftMessage.AppendEntriesReply;
import faultline.protocols.raft.RaftMessage.RequestVote;
import faultline.protocols.raft.RaftMessage.RequestVoteReply;
import faultline.protocols.raft.RaftTimer.Server;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
 * <p>This class holds the state and the election half; {@link Replication} is the log half and
 * {@link ClientService} the key-value half, which serves the shared {@link KvMessage} clients
 * through a {@link KvReplica}. Upholds the invariants of {@link RaftInvariants}.
 */
public final class RaftNode implements Node<Message, RaftTimer> {
  final RaftConfig config;
  private final ElectionRules election;
  private NodeContext<Message, RaftTimer> context; // Only during a handler call.

  // Durable state, mirrored in storage.
  PersistentState persistent;

  // Volatile state of every server.
  Role role = Role.FOLLOWER;
  long commitIndex;
  long lastApplied;
  NodeId leaderId;
  long lastHeardFromLeaderNanos = Long.MIN_VALUE / 2;
  private long bootedAtNanos;
  private boolean restarted;
  final KvReplica kv = new KvReplica();
  private final Set<NodeId> votes = new TreeSet<>();
  private Role recordedRole;
  private long recordedTerm = -1;

  // Leader state, null unless leading.
  LeaderState leader;

  final Replication replication = new Replication(this);
  final ClientService clients = new ClientService(this);

  public RaftNode(RaftConfig config) {
    this(config, PaperElectionRules.of(config));
  }

  /** A server that takes its vote rule and election timeouts from {@code election}. */
  public RaftNode(RaftConfig config, ElectionRules election) {
    this.config = config;
    this.election = election;
  }

  /** The trace record of a role or term change. */
  public record RoleState(String role, long term) {}

  @Override
  public void onStart(NodeContext<Message, RaftTimer> context) {
    this.context = context;
    try {
      bootedAtNanos = context.monotonicNanos();
      persistent =
          PersistentState.load(context.storage(), config.has(RaftBug.FORGET_VOTE_ON_RESTART));
      restarted = persistent.currentTerm() > 0;
      becomeFollower();
      resetElectionTimer();
    } finally {
      endHandler();
    }
  }

  @Override
  public void onMessage(NodeContext<Message, RaftTimer> context, NodeId from, Message message) {
    this.context = context;
    try {
      switch (message) {
        case RequestVote request -> onRequestVote(from, request);
        case RequestVoteReply reply -> onRequestVoteReply(from, reply);
        case AppendEntries append -> replication.onAppendEntries(append);
        case AppendEntriesReply reply -> replication.onAppendEntriesReply(from, reply);
        case ClientRequest request -> clients.onClientRequest(from, request);
        default -> {} // Servers send no requests, so no replies come back; nothing else arrives.
      }
    } finally {
      endHandler();
    }
  }

  @Override
  public void onTimer(NodeContext<Message, RaftTimer> context, RaftTimer timer) {
    this.context = context;
    try {
      switch (timer) {
        case Server.ELECTION_TIMEOUT -> onElectionTimeout();
        case Server.HEARTBEAT_DUE -> replication.onHeartbeatDue();
        case Server.CHECK_QUORUM_DUE -> onCheckQuorumDue();
      }
    } finally {
      endHandler();
    }
  }

  NodeContext<Message, RaftTimer> context() {
    return context;
  }

  /** The other servers, sorted (clients are nodes too, but take no part in Raft). */
  List<NodeId> otherServers() {
    return config.servers().stream().filter(server -> !server.equals(context.self())).toList();
  }

  private void endHandler() {
    if (role != recordedRole || persistent.currentTerm() != recordedTerm) {
      recordedRole = role;
      recordedTerm = persistent.currentTerm();
      context.recordState(new RoleState(role.name(), recordedTerm));
      context.recordMax("raft.termMax", recordedTerm);
    }
    context = null;
  }

  // Elections (§5.2), with PreVote as an option.

  private void onElectionTimeout() {
    if (role == Role.LEADER) {
      return;
    }
    if (config.preVote()) {
      startPreVote();
    } else {
      startElection();
    }
  }

  private void startPreVote() {
    role = Role.PRE_CANDIDATE;
    leaderId = null;
    votes.clear();
    votes.add(context.self());
    context.count("raft.preVotes", 1);
    requestVotes(persistent.currentTerm() + 1, true);
    resetElectionTimer();
    if (votes.size() >= config.majority()) {
      startElection();
    }
  }

  private void startElection() {
    persistent.enterTerm(persistent.currentTerm() + 1);
    persistent.voteFor(context.self());
    persistent.sync();
    role = Role.CANDIDATE;
    leaderId = null;
    votes.clear();
    votes.add(context.self());
    context.count("raft.elections", 1);
    requestVotes(persistent.currentTerm(), false);
    resetElectionTimer();
    if (votes.size() >= config.majority()) {
      becomeLeader();
    }
  }

  private void requestVotes(long term, boolean preVote) {
    RaftLog log = persistent.log();
    for (NodeId server : otherServers()) {
      context.send(
          server, new RequestVote(term, context.self(), log.lastIndex(), log.lastTerm(), preVote));
    }
  }

  private void onRequestVote(NodeId from, RequestVote request) {
    long term = persistent.currentTerm();
    if (request.term() < term || leaderIsAlive(request.preVote())) {
      // A stale candidate, or one that would depose a leader this server still hears from.
      context.send(from, new RequestVoteReply(term, false, request.preVote()));
      return;
    }
    ElectionRules.VoteRequest asked =
        new ElectionRules.VoteRequest(
            request.term(), request.candidate(), request.lastLogIndex(), request.lastLogTerm());
    if (request.preVote()) {
      boolean granted = election.grantsPreVote(asked, voter());
      context.send(from, new RequestVoteReply(granted ? request.term() : term, granted, true));
      return;
    }
    if (request.term() > term) {
      stepDown(request.term());
    }
    boolean granted = election.grantsVote(asked, voter());
    if (granted) {
      persistent.voteFor(request.candidate());
      resetElectionTimer();
    }
    persistent.sync(); // The term and the vote are on disk before the answer leaves.
    context.send(from, new RequestVoteReply(persistent.currentTerm(), granted, false));
  }

  /** What this server knows when it decides on a vote (Figure 2's persistent state). */
  private ElectionRules.Voter voter() {
    RaftLog log = persistent.log();
    return new ElectionRules.Voter(
        persistent.currentTerm(), persistent.votedFor(), log.lastIndex(), log.lastTerm());
  }

  /**
   * A server that heard from a leader within the minimum election timeout refuses to help elect
   * another (Ongaro's dissertation §4.2.3). PreVote always asks this (§9.6); real votes ask it with
   * CheckQuorum or lease reads, whose safety depends on it. The window is the default minimum,
   * never shorter than a lease ({@link RaftConfig#leaseBoundNanos}). A server's vote for itself
   * does not ask: its own timer, restarted by the leader's last message, fires no sooner than its
   * least timeout, which a lease is also shorter than.
   */
  private boolean leaderIsAlive(boolean preVote) {
    if (!preVote && !config.checkQuorum() && config.readMode() != ReadMode.LEASE) {
      return false;
    }
    if (role == Role.LEADER) {
      return true;
    }
    long nowNanos = context.monotonicNanos();
    if (config.readMode() == ReadMode.LEASE
        && restarted
        && nowNanos - bootedAtNanos < config.electionTimeoutMinNanos()) {
      // A restart forgets which leader this server heard last, and when; it may have promised a
      // lease to one just before the crash, so it waits a full timeout before voting again. (A
      // server whose disk holds no term has never answered a leader, so it need not wait.)
      return true;
    }
    return leaderId != null
        && nowNanos - lastHeardFromLeaderNanos < config.electionTimeoutMinNanos();
  }

  private void onRequestVoteReply(NodeId from, RequestVoteReply reply) {
    if (reply.preVote()) {
      if (role != Role.PRE_CANDIDATE) {
        return;
      }
      if (reply.granted() && reply.term() == persistent.currentTerm() + 1) {
        votes.add(from);
        if (votes.size() >= config.majority()) {
          startElection();
        }
      } else if (!reply.granted() && reply.term() > persistent.currentTerm()) {
        stepDown(reply.term());
      }
      return;
    }
    if (reply.term() > persistent.currentTerm()) {
      stepDown(reply.term());
      return;
    }
    if (role == Role.CANDIDATE && reply.term() == persistent.currentTerm() && reply.granted()) {
      votes.add(from);
      if (votes.size() >= config.majority()) {
        becomeLeader();
      }
    }
  }

  private void becomeLeader() {
    role = Role.LEADER;
    leaderId = context.self();
    context.cancelTimer(Server.ELECTION_TIMEOUT);
    persistent.append(LogEntry.noOp(persistent.currentTerm()));
    persistent.sync();
    leader =
        new LeaderState(
            otherServers(),
            persistent.log().lastIndex(),
            config.majority(),
            config.maxInflightAppends());
    context.count("raft.leaderChanges", 1);
    context.note("leader of term " + persistent.currentTerm());
    replication.broadcastAppend(leader.startRound(context.monotonicNanos()));
    context.setTimer(Server.HEARTBEAT_DUE, config.heartbeatNanos());
    if (config.checkQuorum()) {
      context.setTimer(Server.CHECK_QUORUM_DUE, config.electionTimeoutMinNanos());
    }
    replication.maybeCommit();
  }

  private void onCheckQuorumDue() {
    if (role != Role.LEADER) {
      return;
    }
    if (leader.quorumHeardSinceLastCheck()) {
      context.setTimer(Server.CHECK_QUORUM_DUE, config.electionTimeoutMinNanos());
      return;
    }
    context.note("CheckQuorum: no majority answered within an election timeout; stepping down");
    context.count("raft.checkQuorumStepDowns", 1);
    leaderId = null;
    becomeFollower();
    resetElectionTimer();
  }

  /**
   * Moves to a newer term as a follower (§5.1: a server that sees a higher term). The election
   * timer keeps running: Figure 2 resets it only for a current leader's AppendEntries or a granted
   * vote, so a candidate that cannot win cannot hold the others back by asking again and again.
   */
  void stepDown(long term) {
    if (term > persistent.currentTerm()) {
      persistent.enterTerm(term);
      // currentTerm is durable (Figure 2): on disk before anything else leaves this server. A term
      // learnt from a reply was otherwise lost by a crash before the next sync.
      persistent.sync();
    }
    if (role != Role.FOLLOWER) {
      leaderId = null;
    }
    boolean wasLeader = role == Role.LEADER;
    becomeFollower();
    if (wasLeader) {
      resetElectionTimer(); // A leader has no election timer running.
    }
  }

  /** Becomes (or stays) a follower; the caller decides whether the election timer restarts. */
  void becomeFollower() {
    role = Role.FOLLOWER;
    votes.clear();
    if (leader != null) {
      leader = null;
      clients.forgetPending();
      context.cancelTimer(Server.HEARTBEAT_DUE);
      context.cancelTimer(Server.CHECK_QUORUM_DUE);
    }
  }

  void resetElectionTimer() {
    RaftConfig.TimeoutRange range = config.electionTimeoutOf(context.self());
    long timeoutNanos =
        election.electionTimeoutNanos(range.minNanos(), range.maxNanos(), context.random());
    if (timeoutNanos < range.minNanos() || timeoutNanos > range.maxNanos()) {
      throw new IllegalStateException(
          "electionTimeoutNanos returned "
              + timeoutNanos
              + " ns, outside the range from "
              + range.minNanos()
              + " to "
              + range.maxNanos()
              + " ns it was given");
    }
    context.setTimer(Server.ELECTION_TIMEOUT, timeoutNanos);
  }

  /** Applies committed entries in order, answering the clients that wait for them. */
  void applyCommitted() {
    RaftLog log = persistent.log();
    while (lastApplied < commitIndex) {
      lastApplied++;
      LogEntry entry = log.entry(lastApplied);
      context.record("apply", new Applied(lastApplied, entry.term(), entry.describe()));
      if (entry.command() != null) {
        kv.apply(context, lastApplied, entry.command(), leaderId);
      }
    }
    clients.serveReads();
  }

  /** The trace record of an applied entry. */
  public record Applied(long index, long term, String command) {}

  void reply(NodeId client, ClientRequest request, ReplyStatus status, String value) {
    KvReplica.reply(context, client, request, status, value, leaderId);
  }

  // Read-only views for invariants and tests.

  public Role role() {
    return role;
  }

  public long currentTerm() {
    return persistent == null ? 0 : persistent.currentTerm();
  }

  public RaftLog log() {
    return persistent == null ? new RaftLog() : persistent.log();
  }

  public long commitIndex() {
    return commitIndex;
  }

  public long lastApplied() {
    return lastApplied;
  }

  public NodeId votedFor() {
    return persistent == null ? null : persistent.votedFor();
  }
}
