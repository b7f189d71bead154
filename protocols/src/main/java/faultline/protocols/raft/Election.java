package faultline.protocols.raft;

import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftMessage.RequestVote;
import faultline.protocols.raft.RaftMessage.RequestVoteReply;
import faultline.protocols.raft.RaftTimer.Server;

/**
 * The election half of a Raft server (§5.2, §5.4.1, Figure 2), with PreVote and CheckQuorum as
 * options (Ongaro's dissertation §9.6, §6.2). It runs after {@link RaftNode} has applied the term
 * rule of §5.1, so every message it sees is of the server's term, or newer only where PreVote says
 * terms do not move.
 */
final class Election {
  private final ServerState state;
  private final Replication replication;

  Election(ServerState state, Replication replication) {
    this.state = state;
    this.replication = replication;
  }

  /** A follower or candidate heard from no leader for an election timeout (§5.2). */
  void onElectionTimeout() {
    if (state.config().preVote()) {
      startPreVote();
    } else {
      startElection();
    }
  }

  private void startPreVote() {
    ServerState.Candidacy candidacy = state.startCandidacy(true);
    state.context().count("raft.preVotes", 1);
    requestVotes(state.currentTerm() + 1, true);
    state.resetElectionTimer();
    if (candidacy.votes().size() >= state.config().majority()) {
      startElection();
    }
  }

  private void startElection() {
    PersistentState persistent = state.persistent();
    persistent.enterTerm(persistent.currentTerm() + 1);
    persistent.voteFor(state.context().self());
    persistent.sync();
    ServerState.Candidacy candidacy = state.startCandidacy(false);
    state.context().count("raft.elections", 1);
    requestVotes(persistent.currentTerm(), false);
    state.resetElectionTimer();
    if (candidacy.votes().size() >= state.config().majority()) {
      becomeLeader();
    }
  }

  private void requestVotes(long term, boolean preVote) {
    RaftLog log = state.log();
    NodeId self = state.context().self();
    for (NodeId server : state.otherServers()) {
      state
          .context()
          .send(server, new RequestVote(term, self, log.lastIndex(), log.lastTerm(), preVote));
    }
  }

  /**
   * Refuses {@code request} if a leader this server still hears from would be deposed by it
   * (Ongaro's dissertation §4.2.3): the one exception to the term rule for a real vote, checked
   * before it, so that such a request does not raise this server's term either.
   */
  boolean refusedForLiveLeader(NodeId from, RequestVote request) {
    if (!leaderIsAlive(request.preVote())) {
      return false;
    }
    refuse(from, request);
    return true;
  }

  /** The answer to a RequestVote that the term rule or a live leader turns down. */
  void refuse(NodeId from, RequestVote request) {
    state.context().send(from, new RequestVoteReply(state.currentTerm(), false, request.preVote()));
  }

  /** A RequestVote of this server's term or, for a pre-vote, a later one; in any role. */
  void onRequestVote(NodeId from, RequestVote request) {
    ElectionRules.VoteRequest asked =
        new ElectionRules.VoteRequest(
            request.term(), request.candidate(), request.lastLogIndex(), request.lastLogTerm());
    ElectionRules rules = state.rules().election();
    if (request.preVote()) {
      boolean granted = rules.grantsPreVote(asked, voter());
      long term = granted ? request.term() : state.currentTerm();
      state.context().send(from, new RequestVoteReply(term, granted, true));
      return;
    }
    boolean granted = rules.grantsVote(asked, voter());
    PersistentState persistent = state.persistent();
    if (granted) {
      persistent.voteFor(request.candidate());
      state.resetElectionTimer();
    }
    if (state.rules().voteSync().syncsBeforeAnswering()) {
      persistent.sync(); // The term and the vote are on disk before the answer leaves.
    }
    state.context().send(from, new RequestVoteReply(persistent.currentTerm(), granted, false));
  }

  /** What this server knows when it decides on a vote (Figure 2's persistent state). */
  private ElectionRules.Voter voter() {
    RaftLog log = state.log();
    return new ElectionRules.Voter(
        state.currentTerm(), state.persistent().votedFor(), log.lastIndex(), log.lastTerm());
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
    RaftConfig config = state.config();
    if (!preVote && !config.checkQuorum() && config.readMode() != ReadMode.LEASE) {
      return false;
    }
    if (state.role() == Role.LEADER) {
      return true;
    }
    if (config.readMode() == ReadMode.LEASE
        && state.restartedWithin(config.electionTimeoutMinNanos())) {
      // A restart forgets which leader this server heard last, and when; it may have promised a
      // lease to one just before the crash, so it waits a full timeout before voting again. (A
      // server whose disk holds no term has never answered a leader, so it need not wait.)
      return true;
    }
    return state.leaderId() != null
        && state.context().monotonicNanos() - state.lastHeardFromLeaderNanos()
            < config.electionTimeoutMinNanos();
  }

  /**
   * A (pre-)candidate's step for a vote reply. A pre-vote is granted for the term this server would
   * stand in, one above its own; a vote, for its term. Anything else answers an earlier candidacy.
   */
  void onVoteReply(NodeId from, RequestVoteReply reply) {
    ServerState.Candidacy candidacy = state.candidacy();
    if (reply.preVote() != candidacy.preVote() || !reply.granted()) {
      return;
    }
    long term = state.currentTerm() + (candidacy.preVote() ? 1 : 0);
    if (reply.term() != term) {
      return;
    }
    candidacy.votes().add(from);
    if (candidacy.votes().size() >= state.config().majority()) {
      if (candidacy.preVote()) {
        startElection();
      } else {
        becomeLeader();
      }
    }
  }

  private void becomeLeader() {
    PersistentState persistent = state.persistent();
    persistent.append(LogEntry.noOp(persistent.currentTerm()));
    persistent.sync();
    RaftConfig config = state.config();
    LeaderState leader =
        new LeaderState(
            state.otherServers(),
            persistent.log().lastIndex(),
            config.majority(),
            config.maxInflightAppends());
    state.becomeLeader(leader);
    state.context().count("raft.leaderChanges", 1);
    state.context().note("leader of term " + persistent.currentTerm());
    replication.broadcastAppend(leader.startRound(state.context().monotonicNanos()));
    state.context().setTimer(Server.HEARTBEAT_DUE, config.heartbeatNanos());
    if (config.checkQuorum()) {
      state.context().setTimer(Server.CHECK_QUORUM_DUE, config.electionTimeoutMinNanos());
    }
    replication.maybeCommit();
  }

  /** CheckQuorum (Ongaro's dissertation §6.2): a leader that no majority answered steps down. */
  void onCheckQuorumDue() {
    LeaderState leader = state.leader();
    if (leader.quorumHeardSinceLastCheck()) {
      state.context().setTimer(Server.CHECK_QUORUM_DUE, state.config().electionTimeoutMinNanos());
      return;
    }
    state
        .context()
        .note("CheckQuorum: no majority answered within an election timeout; stepping down");
    state.context().count("raft.checkQuorumStepDowns", 1);
    state.resign();
  }
}
