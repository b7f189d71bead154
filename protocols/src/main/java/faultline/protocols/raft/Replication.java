package faultline.protocols.raft;

import faultline.engine.Check;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import faultline.protocols.raft.RaftMessage.AppendEntriesReply;
import faultline.protocols.raft.RaftTimer.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * The log half of a Raft server (§5.3, §5.4.2, Figure 2): the leader's AppendEntries and its
 * bookkeeping, the follower's consistency check and conflict truncation, and commitment.
 */
final class Replication {
  private final RaftNode node;

  Replication(RaftNode node) {
    this.node = node;
  }

  private NodeContext<RaftMessage, RaftTimer> context() {
    return node.context();
  }

  void onHeartbeatDue() {
    if (node.role != Role.LEADER) {
      return;
    }
    broadcastAppend(node.leader.startRound(context().monotonicNanos()));
    context().setTimer(Server.HEARTBEAT_DUE, node.config.heartbeatNanos());
  }

  void broadcastAppend(long round) {
    for (NodeId follower : node.otherServers()) {
      sendAppend(follower, round);
    }
  }

  void sendAppend(NodeId follower, long round) {
    RaftLog log = node.persistent.log();
    long next = node.leader.nextIndex(follower);
    long previous = next - 1;
    List<LogEntry> entries = log.slice(next, node.config.maxEntriesPerAppend());
    context()
        .send(
            follower,
            new AppendEntries(
                node.persistent.currentTerm(),
                context().self(),
                previous,
                log.term(previous),
                entries,
                node.commitIndex,
                round));
  }

  void onAppendEntries(AppendEntries append) {
    PersistentState persistent = node.persistent;
    if (append.term() < persistent.currentTerm() && !node.config.has(RaftBug.ACCEPT_STALE_APPEND)) {
      reply(append, false, 0, 0, 0); // §5.1: a stale leader learns the newer term and steps down.
      return;
    }
    if (append.term() > persistent.currentTerm()) {
      persistent.enterTerm(append.term());
    }
    node.leaderId = append.leader();
    node.lastHeardFromLeaderNanos = context().monotonicNanos();
    node.becomeFollower(); // A candidate of this term concedes.
    node.resetElectionTimer();

    RaftLog log = persistent.log();
    long previous = append.prevLogIndex();
    AppendDecision decision =
        node.config.replicationRules().append().decide(LogView.of(log), append);
    if (!(decision instanceof AppendDecision.Accept accept)) {
      persistent.sync();
      if (previous > log.lastIndex()) {
        reply(append, false, 0, log.lastIndex() + 1, 0);
      } else {
        reply(append, false, 0, log.firstIndexOfTermAtOrBefore(previous), log.term(previous));
      }
      return;
    }
    if (accept.truncateFrom() > 0) {
      Check.state(
          accept.truncateFrom() <= log.lastIndex(),
          "the append rule truncates from %s, past the last entry %s",
          accept.truncateFrom(),
          log.lastIndex());
      context().count("raft.entriesTruncated", log.lastIndex() - accept.truncateFrom() + 1);
      persistent.truncateFrom(accept.truncateFrom());
    }
    for (LogEntry entry : accept.newEntries()) {
      persistent.append(entry);
    }
    persistent.sync();
    long lastNew = previous + append.entries().size();
    Check.state(
        accept.commitIndex() <= log.lastIndex(),
        "the append rule sets commitIndex %s, past the last entry %s (Figure 2 rule 5: the min"
            + " of leaderCommit and the index of the last new entry)",
        accept.commitIndex(),
        log.lastIndex());
    node.commitIndex = Math.max(node.commitIndex, accept.commitIndex());
    reply(append, true, lastNew, 0, 0);
    node.applyCommitted();
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
                node.persistent.currentTerm(),
                success,
                matchIndex,
                append.prevLogIndex(),
                conflictIndex,
                conflictTerm,
                append.round()));
  }

  void onAppendEntriesReply(NodeId from, AppendEntriesReply reply) {
    if (reply.term() > node.persistent.currentTerm()) {
      node.stepDown(reply.term());
      return;
    }
    if (node.role != Role.LEADER || reply.term() != node.persistent.currentTerm()) {
      return;
    }
    LeaderState leader = node.leader;
    leader.acknowledge(from, reply.round(), leaseNanos());
    if (reply.success()) {
      leader.matched(from, reply.matchIndex());
      maybeCommit();
      if (leader.nextIndex(from) <= node.persistent.log().lastIndex()) {
        sendAppend(from, leader.round());
      }
    } else if (reply.rejectedPrevIndex() == leader.nextIndex(from) - 1) {
      context().count("raft.appendRejections", 1);
      leader.backUp(from, backedUpNextIndex(leader.nextIndex(from), reply));
      sendAppend(from, leader.round());
    }
    node.clients.serveReads();
  }

  private long backedUpNextIndex(long next, AppendEntriesReply reply) {
    if (!node.config.fastBackup()) {
      return Math.max(1, next - 1); // Figure 2: decrement nextIndex and retry.
    }
    if (reply.conflictTerm() > 0) {
      long last = node.persistent.log().lastIndexOfTerm(reply.conflictTerm());
      if (last > 0) {
        return last + 1;
      }
    }
    return Math.max(1, reply.conflictIndex());
  }

  /** The lease a confirmed round grants: the least election timeout, less 10% for drift. */
  long leaseNanos() {
    return node.config.readMode() == ReadMode.LEASE
        ? node.config.electionTimeoutMinNanos() * 9 / 10
        : 0;
  }

  /**
   * §5.4.2: the leader commits the highest entry of its own term that a majority stores; earlier
   * entries are committed with it, indirectly. Counting replicas of an earlier term's entry is the
   * Figure 8 mistake.
   */
  void maybeCommit() {
    RaftLog log = node.persistent.log();
    CommitRule rule =
        node.config.has(RaftBug.COMMIT_EARLIER_TERM_BY_COUNTING)
            ? CommitRule.COUNTING_EVERY_TERM
            : node.config.replicationRules().commit();
    List<Long> matchIndexes = new ArrayList<>();
    for (NodeId server : node.config.servers()) {
      matchIndexes.add(
          server.equals(context().self()) ? log.lastIndex() : node.leader.matchIndex(server));
    }
    long committed =
        rule.commitIndex(
            LogView.of(log), node.persistent.currentTerm(), node.commitIndex, matchIndexes);
    if (committed > node.commitIndex) {
      Check.state(
          committed <= log.lastIndex(),
          "the commit rule answers %s, past the leader's last entry %s",
          committed,
          log.lastIndex());
      node.commitIndex = committed;
      node.applyCommitted();
    }
  }
}
