package faultline.protocols.raft;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvOperation;
import faultline.protocols.kv.KvReplica;
import faultline.protocols.kv.ReplyStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The key-value half of a Raft server (§8): followers redirect clients to the leader; the leader
 * appends writes (and, in {@link ReadMode#LOG}, reads) to the log and the shared {@link KvReplica}
 * answers once they are applied; it serves other reads by ReadIndex or lease. A leader that steps
 * down forgets what it owed: clients time out and retry, and sessions keep the retry from applying
 * twice.
 */
final class ClientService {
  private final RaftNode node;
  private final List<PendingRead> reads = new ArrayList<>();
  private long sharedRound; // The round that reads wait for, not yet started; 0 if none.

  private record PendingRead(NodeId client, ClientRequest request, long readIndex, long round) {}

  ClientService(RaftNode node) {
    this.node = node;
  }

  void onClientRequest(NodeId client, ClientRequest request) {
    if (node.role != Role.LEADER) {
      KvReplica.redirect(node.context(), client, request, node.leaderId);
      return;
    }
    KvOperation operation = request.operation();
    if (operation.readOnly() && node.config.has(RaftBug.STALE_LOCAL_READS)) {
      node.reply(client, request, ReplyStatus.OK, node.kv.read(operation.key()));
      return;
    }
    if (operation.readOnly() && node.config.readMode() != ReadMode.LOG) {
      startRead(client, request);
      return;
    }
    PersistentState persistent = node.persistent;
    if (node.config.has(RaftBug.LEADER_OVERWRITES_UNCOMMITTED)
        && persistent.log().lastIndex() > node.commitIndex) {
      persistent.truncateFrom(node.commitIndex + 1);
    }
    persistent.append(new LogEntry(persistent.currentTerm(), ClientCommand.of(request)));
    persistent.sync();
    node.kv.awaitApply(persistent.log().lastIndex(), client, request);
    for (NodeId follower : node.otherServers()) {
      node.replication.replicate(follower);
    }
    node.replication.maybeCommit();
  }

  /**
   * ReadIndex (Ongaro's dissertation §6.4): the read waits until a heartbeat round started now is
   * confirmed by a majority and the state machine has applied the commit index as of now, or at
   * least this leader's no-op, which commits everything earlier leaders committed. A valid lease
   * stands in for the round. Reads that arrive while a round is in flight share the next one,
   * started when that one is confirmed (§6.4, batching): any round started after a read arrived
   * proves what it needs.
   */
  private void startRead(NodeId client, ClientRequest request) {
    LeaderState leader = node.leader;
    long readIndex = Math.max(node.commitIndex, leader.noOpIndex());
    long nowNanos = node.context().monotonicNanos();
    long round;
    if (node.config.readMode() == ReadMode.LEASE && leader.leaseHolds(nowNanos)) {
      round = 0;
      node.context().count("kv.leaseReads", 1);
    } else if (leader.noRoundInFlight()) {
      round = leader.startRound(nowNanos);
      node.replication.broadcastAppend(round);
    } else {
      round = leader.round() + 1;
      sharedRound = round;
    }
    reads.add(new PendingRead(client, request, readIndex, round));
    serveReads();
  }

  /** Starts the round that waiting reads share, once no other round is in flight. */
  void startSharedRound() {
    LeaderState leader = node.leader;
    if (node.role == Role.LEADER && sharedRound > leader.round() && leader.noRoundInFlight()) {
      node.replication.broadcastAppend(leader.startRound(node.context().monotonicNanos()));
    }
  }

  void serveReads() {
    if (node.role != Role.LEADER) {
      return;
    }
    Iterator<PendingRead> pending = reads.iterator();
    while (pending.hasNext()) {
      PendingRead read = pending.next();
      if (read.round() <= node.leader.confirmedRound() && read.readIndex() <= node.lastApplied) {
        pending.remove();
        String value = node.kv.read(read.request().operation().key());
        node.reply(read.client(), read.request(), ReplyStatus.OK, value);
      }
    }
  }

  void forgetPending() {
    node.kv.forgetWaiting();
    reads.clear();
    sharedRound = 0;
  }
}
