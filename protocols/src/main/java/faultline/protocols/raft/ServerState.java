package faultline.protocols.raft;

import faultline.engine.Check;
import faultline.engine.node.Message;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvReplica;
import faultline.protocols.kv.ReplyStatus;
import faultline.protocols.raft.RaftTimer.Server;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one Raft server knows (Figure 2's state), and the only class that changes it: the
 * election, replication and client halves ask it through these methods. Durable state lives in
 * {@link PersistentState}; the role is held once, as the leader's state while leading and the votes
 * gathered while a (pre-)candidate, so "am I leader" has one answer.
 */
final class ServerState {
  private final RaftConfig config;
  private final ServerRules rules;
  private final EntryStrings strings; // Shared with the cluster's other servers.
  private NodeContext<Message, RaftTimer> context; // Only during a handler call.

  private PersistentState persistent; // Durable, mirrored in storage.
  private long commitIndex;
  private long lastApplied;
  private NodeId leaderId;
  private long lastHeardFromLeaderNanos = Long.MIN_VALUE / 2;
  private long bootedAtNanos;
  private boolean restarted;
  private final KvReplica kv;
  private Candidacy candidacy; // Null unless a (pre-)candidate.
  private LeaderState leader; // Null unless leading.
  // Fixed for this server's life, asked for on every AppendEntries and heartbeat: made once.
  private List<NodeId> otherServers;
  private RaftConfig.TimeoutRange electionTimeout;

  /** The votes of one (pre-)candidacy, the candidate's own included. */
  record Candidacy(boolean preVote, Set<NodeId> votes) {}

  ServerState(RaftConfig config, ServerRules rules, EntryStrings strings) {
    this.config = config;
    this.rules = rules;
    this.strings = strings;
    this.kv = new KvReplica(strings.appendedValues());
  }

  void enter(NodeContext<Message, RaftTimer> context) {
    this.context = context;
  }

  void leave() {
    context = null;
  }

  /** Reads the durable state back, after a boot or a restart. */
  void boot() {
    bootedAtNanos = context.monotonicNanos();
    persistent = PersistentState.load(context.storage(), rules.votes(), strings);
    restarted = persistent.currentTerm() > 0;
  }

  // What the server knows.

  NodeContext<Message, RaftTimer> context() {
    return context;
  }

  RaftConfig config() {
    return config;
  }

  ServerRules rules() {
    return rules;
  }

  boolean booted() {
    return persistent != null;
  }

  PersistentState persistent() {
    return persistent;
  }

  RaftLog log() {
    return persistent.log();
  }

  long currentTerm() {
    return persistent.currentTerm();
  }

  Role role() {
    if (leader != null) {
      return Role.LEADER;
    }
    if (candidacy != null) {
      return candidacy.preVote() ? Role.PRE_CANDIDATE : Role.CANDIDATE;
    }
    return Role.FOLLOWER;
  }

  /** This leader's state; only while leading. */
  LeaderState leader() {
    if (leader == null) {
      // Not Check.state: with two subjects it makes an array per call, and a leader asks often.
      throw new IllegalStateException(context.self() + ": leader state asked of a " + role());
    }
    return leader;
  }

  long commitIndex() {
    return commitIndex;
  }

  long lastApplied() {
    return lastApplied;
  }

  NodeId leaderId() {
    return leaderId;
  }

  long lastHeardFromLeaderNanos() {
    return lastHeardFromLeaderNanos;
  }

  /** Whether this server booted less than {@code windowNanos} ago with a term on its disk. */
  boolean restartedWithin(long windowNanos) {
    return restarted && context.monotonicNanos() - bootedAtNanos < windowNanos;
  }

  KvReplica kv() {
    return kv;
  }

  /** The other servers, sorted (clients are nodes too, but take no part in Raft). */
  List<NodeId> otherServers() {
    if (otherServers == null) {
      otherServers =
          config.servers().stream().filter(server -> !server.equals(context.self())).toList();
    }
    return otherServers;
  }

  // Role changes.

  /**
   * Moves to {@code term} as a follower (§5.1: a server that sees a higher term), of {@code
   * newLeader} when the message that brought the term came from it, else of no one known. The
   * election timer keeps running: Figure 2 restarts it only for a current leader's AppendEntries or
   * a granted vote, so a candidate that cannot win cannot hold the others back by asking again and
   * again. A leader runs no election timer, so one starts, unless the new leader's AppendEntries,
   * handled next as a follower, restarts it anyway.
   */
  void stepDown(long term, NodeId newLeader) {
    if (term > persistent.currentTerm()) {
      persistent.enterTerm(term);
      // currentTerm is durable (Figure 2): on disk before anything else leaves this server. A term
      // learnt from a reply was otherwise lost by a crash before the next sync.
      persistent.sync();
    }
    if (newLeader != null) {
      leaderId = newLeader;
    } else if (role() != Role.FOLLOWER) {
      leaderId = null;
    }
    boolean wasLeader = leader != null;
    becomeFollower();
    if (wasLeader && newLeader == null) {
      resetElectionTimer();
    }
  }

  /** Becomes (or stays) a follower; the caller decides whether the election timer restarts. */
  void becomeFollower() {
    candidacy = null;
    if (leader != null) {
      leader = null;
      kv.forgetWaiting(); // Clients time out and retry; sessions keep a retry from applying twice.
      context.cancelTimer(Server.HEARTBEAT_DUE);
      context.cancelTimer(Server.CHECK_QUORUM_DUE);
    }
  }

  /** A leader that lost touch with a majority (CheckQuorum) stops leading and knows no leader. */
  void resign() {
    leaderId = null;
    becomeFollower();
    resetElectionTimer();
  }

  /** Starts a (pre-)candidacy with this server's own vote. */
  Candidacy startCandidacy(boolean preVote) {
    Set<NodeId> votes = new TreeSet<>();
    votes.add(context.self());
    candidacy = new Candidacy(preVote, votes);
    leaderId = null;
    return candidacy;
  }

  /** The votes of the current (pre-)candidacy; only while one runs. */
  Candidacy candidacy() {
    Check.state(candidacy != null, "%s: votes asked of a %s", context.self(), role());
    return candidacy;
  }

  /** Takes office with {@code state}; the caller appended the no-op. */
  void becomeLeader(LeaderState state) {
    candidacy = null;
    leader = state;
    leaderId = context.self();
    context.cancelTimer(Server.ELECTION_TIMEOUT);
  }

  /** The leader of the current term spoke: this server follows it. */
  void heardFromLeader(NodeId leader) {
    leaderId = leader;
    lastHeardFromLeaderNanos = context.monotonicNanos();
  }

  void resetElectionTimer() {
    if (electionTimeout == null) {
      electionTimeout = config.electionTimeoutOf(context.self());
    }
    RaftConfig.TimeoutRange range = electionTimeout;
    long timeoutNanos =
        rules.election().electionTimeoutNanos(range.minNanos(), range.maxNanos(), context.random());
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

  /** Counts the bounds this handler hit that are not counted where they are hit. */
  void countLimitHits() {
    if (leader != null) {
      int forgotten = leader.takeRoundsForgotten();
      if (forgotten > 0) {
        context.count("raft.roundLimitHits", forgotten);
      }
    }
  }

  // Commitment.

  /** Raises commitIndex to {@code index} (never lowers it) and applies what is newly committed. */
  void commitTo(long index) {
    Check.state(
        index <= persistent.log().lastIndex(),
        "%s: commitIndex %s past the last entry %s",
        context.self(),
        index,
        persistent.log().lastIndex());
    commitIndex = Math.max(commitIndex, index);
    applyCommitted();
  }

  /** Applies committed entries in order, answering the clients that wait for them. */
  private void applyCommitted() {
    RaftLog log = persistent.log();
    while (lastApplied < commitIndex) {
      lastApplied++;
      LogEntry entry = log.entry(lastApplied);
      context.record("apply", strings.applied(lastApplied, entry));
      if (entry.command() != null) {
        kv.apply(context, lastApplied, entry.command(), leaderId);
      }
    }
  }

  /** Answers a client, with this server's idea of the leader as the hint. */
  void reply(NodeId client, ClientRequest request, ReplyStatus status, String value) {
    KvReplica.reply(context, client, request, status, value, leaderId);
  }

  void redirect(NodeId client, ClientRequest request) {
    KvReplica.redirect(context, client, request, leaderId);
  }
}
