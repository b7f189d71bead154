package faultline.protocols.raft;

import faultline.engine.Check;
import faultline.engine.node.Message;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import faultline.protocols.raft.RaftMessage.AppendEntriesReply;
import faultline.protocols.raft.RaftTimer.Server;
import java.util.List;

/**
 * The log half of a Raft server (§5.3, §5.4.2, Figure 2): the leader's AppendEntries and its
 * bookkeeping, the follower's consistency check and conflict truncation, and commitment. The leader
 * sends each entry to each follower once in the normal case: it pipelines AppendEntries (Ongaro's
 * dissertation §10.2.1) and tracks each follower's progress as etcd-raft does ({@link
 * FollowerProgress}); heartbeats carry entries only to a follower being probed.
 */
final class Replication {
  private final ServerState state;
  private ClientService clients;
  // The commit rule's matchIndexes, one per server, reused from call to call.
  private final MatchIndexes matchIndexes = new MatchIndexes();

  Replication(ServerState state) {
    this.state = state;
  }

  /** The client half, told when commitment or a confirmed round lets reads be answered. */
  void serving(ClientService clients) {
    this.clients = clients;
  }

  private NodeContext<Message, RaftTimer> context() {
    return state.context();
  }

  /** The leader's heartbeat round is due. */
  void onHeartbeatDue() {
    LeaderState leader = state.leader();
    broadcastAppend(leader.startRound(context().monotonicNanos()));
    for (NodeId follower : state.otherServers()) {
      leader.progress(follower).tick();
    }
    context().setTimer(Server.HEARTBEAT_DUE, state.config().heartbeatNanos());
  }

  /** Starts a round: every follower hears from the leader, with entries only if it is probed. */
  void broadcastAppend(long round) {
    for (NodeId follower : state.otherServers()) {
      sendHeartbeat(follower, round);
    }
  }

  /**
   * One follower's part of a round. A probe with entries if one may go; otherwise no entries, with
   * prevLogIndex at nextIndex - 1 once what was sent has had time to arrive: a follower that lacks
   * that entry (an AppendEntries was lost) rejects it, which sends the leader back to probe, so the
   * heartbeat keeps replication live ({@link FollowerProgress#heartbeatNextIndex}).
   */
  void sendHeartbeat(NodeId follower, long round) {
    FollowerProgress progress = state.leader().progress(follower);
    if (progress.mayProbe()) {
      sendProbe(follower, progress, round);
    } else {
      send(follower, progress.heartbeatNextIndex(), List.of(), round);
    }
  }

  /**
   * Sends a follower what it should get now (etcd-raft's progress states): while replicating, every
   * entry not yet sent, once, moving nextIndex past it (pipelining, Ongaro's dissertation §10.2.1),
   * as long as fewer than {@link RaftConfig#maxInflightAppends} AppendEntries are unanswered; while
   * probing, one AppendEntries if none is outstanding. A full window is counted in {@code
   * raft.inflightLimitHits}; the next acknowledgement, or the rejection of a heartbeat if they were
   * all lost, lets replication go on.
   */
  void replicate(NodeId follower) {
    LeaderState leader = state.leader();
    FollowerProgress progress = leader.progress(follower);
    long round = leader.round();
    if (progress.mayProbe()) {
      sendProbe(follower, progress, round);
      return;
    }
    if (progress.state() != FollowerProgress.State.REPLICATE) {
      return;
    }
    RaftLog log = state.log();
    while (progress.nextIndex() <= log.lastIndex()) {
      if (progress.inflightFull()) {
        context().count("raft.inflightLimitHits", 1);
        return;
      }
      long next = progress.nextIndex();
      List<LogEntry> entries = log.slice(next, state.config().maxEntriesPerAppend());
      send(follower, next, entries, round);
      progress.sent(next, next + entries.size() - 1, context().monotonicNanos());
    }
  }

  /** Sends again, once, everything after what the follower is known to hold. */
  private void resendAfterGap(NodeId follower, FollowerProgress progress) {
    RaftLog log = state.log();
    long next = progress.matchIndex() + 1;
    long end = Math.min(progress.nextIndex() - 1, log.lastIndex());
    while (next <= end) {
      List<LogEntry> entries =
          log.slice(next, (int) Math.min(state.config().maxEntriesPerAppend(), end - next + 1));
      send(follower, next, entries, state.leader().round());
      progress.sent(next, next + entries.size() - 1, context().monotonicNanos());
      next += entries.size();
    }
  }

  private void sendProbe(NodeId follower, FollowerProgress progress, long round) {
    long next = progress.nextIndex();
    send(follower, next, state.log().slice(next, state.config().maxEntriesPerAppend()), round);
    progress.probeSent();
  }

  private void send(NodeId follower, long next, List<LogEntry> entries, long round) {
    long previous = next - 1;
    context()
        .send(
            follower,
            new AppendEntries(
                state.currentTerm(),
                context().self(),
                previous,
                state.log().term(previous),
                entries,
                state.commitIndex(),
                round));
  }

  /** §5.1: a stale leader learns the newer term from the answer, and steps down. */
  void refuse(AppendEntries append) {
    reply(append, false, 0, 0, 0);
  }

  /**
   * An AppendEntries from the leader of this server's term, in any role: a candidate of the term
   * concedes (§5.2), and the follower's rules of Figure 2 apply.
   */
  void onAppendEntries(AppendEntries append) {
    PersistentState persistent = state.persistent();
    state.heardFromLeader(append.leader());
    state.becomeFollower();
    state.resetElectionTimer();

    RaftLog log = persistent.log();
    LogView view = LogView.of(log);
    AppendRule rule = state.rules().append();
    if (rule instanceof FirstNewEntryRule ours) {
      long firstNew = ours.firstNew(view, append);
      if (firstNew == FirstNewEntryRule.REFUSED) {
        refuseMismatch(append);
      } else {
        carryOut(
            append,
            FirstNewEntryRule.truncateFrom(view, append, firstNew),
            FirstNewEntryRule.newEntries(append, firstNew),
            FirstNewEntryRule.commitIndex(append));
      }
    } else if (rule.decide(view, append) instanceof AppendDecision.Accept accept) {
      carryOut(append, accept.truncateFrom(), accept.newEntries(), accept.commitIndex());
    } else {
      refuseMismatch(append);
    }
  }

  /** Rule 2 refused {@code append}: the answer says where the leader should probe next. */
  private void refuseMismatch(AppendEntries append) {
    PersistentState persistent = state.persistent();
    RaftLog log = persistent.log();
    long previous = append.prevLogIndex();
    persistent.sync();
    if (previous > log.lastIndex()) {
      reply(append, false, 0, log.lastIndex() + 1, 0);
    } else {
      reply(append, false, 0, log.firstIndexOfTermAtOrBefore(previous), log.term(previous));
    }
  }

  /** Carries out rules 3 to 5 as the append rule decided them, syncs, and answers. */
  private void carryOut(
      AppendEntries append, long truncateFrom, List<LogEntry> newEntries, long commitIndex) {
    PersistentState persistent = state.persistent();
    RaftLog log = persistent.log();
    if (truncateFrom > 0) {
      Check.state(
          truncateFrom <= log.lastIndex(),
          "the append rule truncates from %s, past the last entry %s",
          truncateFrom,
          log.lastIndex());
      context().count("raft.entriesTruncated", log.lastIndex() - truncateFrom + 1);
      persistent.truncateFrom(truncateFrom);
    }
    for (int i = 0; i < newEntries.size(); i++) { // By index: no iterator per AppendEntries.
      persistent.append(newEntries.get(i));
    }
    persistent.sync();
    long lastNew = append.prevLogIndex() + append.entries().size();
    Check.state(
        commitIndex <= log.lastIndex(),
        "the append rule sets commitIndex %s, past the last entry %s (Figure 2 rule 5: the min"
            + " of leaderCommit and the index of the last new entry)",
        commitIndex,
        log.lastIndex());
    reply(append, true, lastNew, 0, 0);
    state.commitTo(commitIndex);
  }

  private void reply(
      AppendEntries append,
      boolean success,
      long matchIndex,
      long conflictIndex,
      long conflictTerm) {
    context()
        .send(
            append.leader(),
            new AppendEntriesReply(
                state.currentTerm(),
                success,
                matchIndex,
                append.prevLogIndex(),
                conflictIndex,
                conflictTerm,
                append.round()));
  }

  /** The leader's step for an answer of this term. */
  void onAppendEntriesReply(NodeId from, AppendEntriesReply reply) {
    LeaderState leader = state.leader();
    leader.acknowledge(from, reply.round(), leaseNanos());
    FollowerProgress progress = leader.progress(from);
    if (reply.success()) {
      progress.matched(reply.matchIndex());
      maybeCommit();
      if (progress.takeGapFilled()) {
        resendAfterGap(from, progress);
      }
      replicate(from);
    } else if (overtaken(progress, reply)) {
      progress.overtaken(reply.rejectedPrevIndex() + 1);
      if (progress.takeGapFilled()) {
        resendAfterGap(from, progress); // The gap filled before this rejection came back.
      }
    } else if (progress.isCurrentRejection(reply.rejectedPrevIndex())) {
      context().count("raft.appendRejections", 1);
      progress.backUp(probeNextIndex(reply));
      replicate(from);
    }
    clients.startSharedRound();
    clients.serveReads();
  }

  /**
   * Whether a follower rejected a pipelined AppendEntries only because it overtook an earlier one
   * (the network reorders): its log ends just before entries sent less than a heartbeat interval
   * ago. Probing would send all of those entries again; instead the rejected ones go again once the
   * follower reports the gap before them filled. If the earlier entries were lost instead, a later
   * rejection, at the latest the next heartbeat's, shows it and the leader probes.
   */
  private boolean overtaken(FollowerProgress progress, AppendEntriesReply reply) {
    if (progress.state() != FollowerProgress.State.REPLICATE || reply.conflictTerm() != 0) {
      return false;
    }
    long match = progress.matchIndex();
    if (reply.rejectedPrevIndex() == match) {
      return true; // What it lacked has arrived since (the replies were reordered too).
    }
    return reply.rejectedPrevIndex() > match
        && progress.mayStillArrive(
            Math.max(reply.conflictIndex(), match + 1),
            context().monotonicNanos(),
            state.config().heartbeatNanos());
  }

  /**
   * Where a probe goes after the follower rejected the one at {@code rejectedPrevIndex} (used while
   * probing; {@link FollowerProgress#backUp}), never above it. A follower whose log ends before it
   * says where it ends, and the next probe goes there, as etcd-raft's reject hint does: Figure 2's
   * one step back per round trip took as many round trips as the follower was entries behind. A
   * follower that holds a conflicting entry there is probed one entry lower (Figure 2), or, with
   * fast back-up, just after the leader's last entry of the conflicting term (§5.3).
   */
  private long probeNextIndex(AppendEntriesReply reply) {
    long next;
    if (reply.conflictTerm() == 0) {
      next = reply.conflictIndex();
    } else if (!state.config().fastBackup()) {
      next = reply.rejectedPrevIndex(); // Figure 2: decrement nextIndex and retry.
    } else {
      long last = state.log().lastIndexOfTerm(reply.conflictTerm());
      next = last > 0 ? last + 1 : reply.conflictIndex();
    }
    return Math.max(1, Math.min(reply.rejectedPrevIndex(), next));
  }

  /**
   * The lease a confirmed round grants: until no other server can have been elected ({@link
   * RaftConfig#leaseBoundNanos}), less 10% for drift. Measured by the default minimum timeout
   * alone, a lease outlived a follower with a shorter per-server timeout: that follower voted for
   * itself and won while the old leader still served reads.
   */
  long leaseNanos() {
    RaftConfig config = state.config();
    return config.readMode() == ReadMode.LEASE
        ? state.rules().lease().boundNanos(config, context().self()) * 9 / 10
        : 0;
  }

  /**
   * §5.4.2: the leader commits the highest entry of its own term that a majority stores; earlier
   * entries are committed with it, indirectly. Counting replicas of an earlier term's entry is the
   * Figure 8 mistake.
   */
  void maybeCommit() {
    RaftLog log = state.log();
    LeaderState leader = state.leader();
    List<NodeId> servers = state.config().servers();
    for (int i = 0; i < servers.size(); i++) {
      NodeId server = servers.get(i);
      long match = server.equals(context().self()) ? log.lastIndex() : leader.matchIndex(server);
      matchIndexes.put(i, match);
    }
    long commitIndex = state.commitIndex();
    long committed =
        state
            .rules()
            .commit()
            .commitIndex(LogView.of(log), state.currentTerm(), commitIndex, matchIndexes);
    if (committed > commitIndex) {
      Check.state(
          committed <= log.lastIndex(),
          "the commit rule answers %s, past the leader's last entry %s",
          committed,
          log.lastIndex());
      state.commitTo(committed);
      clients.serveReads();
    }
  }
}
