package faultline.protocols.raft;

import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftMessage.ClientRequest;
import faultline.protocols.raft.RaftMessage.ReplyStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key-value half of a Raft server (§8): followers redirect clients to the leader; the leader
 * appends writes (and, in {@link ReadMode#LOG}, reads) to the log and answers once they are
 * applied; it serves other reads by ReadIndex or lease. A leader that steps down forgets what it
 * owed: clients time out and retry, and sessions keep the retry from applying twice.
 */
final class ClientService {
  private final RaftNode node;
  private final Map<Long, Waiting> writesByIndex = new TreeMap<>();
  private final List<PendingRead> reads = new ArrayList<>();
  private long sharedRound; // The round that reads wait for, not yet started; 0 if none.

  private record Waiting(NodeId client, ClientRequest request) {}

  private record PendingRead(NodeId client, ClientRequest request, long readIndex, long round) {}

  ClientService(RaftNode node) {
    this.node = node;
  }

  void onClientRequest(NodeId client, ClientRequest request) {
    if (node.role != Role.LEADER) {
      node.reply(client, request, ReplyStatus.NOT_LEADER, null);
      return;
    }
    KvOperation operation = request.operation();
    if (operation.isRead() && node.config.has(RaftBug.STALE_LOCAL_READS)) {
      node.reply(client, request, ReplyStatus.OK, node.store.read(operation.key()));
      return;
    }
    if (operation.isRead() && node.config.readMode() != ReadMode.LOG) {
      startRead(client, request);
      return;
    }
    PersistentState persistent = node.persistent;
    if (node.config.has(RaftBug.LEADER_OVERWRITES_UNCOMMITTED)
        && persistent.log().lastIndex() > node.commitIndex) {
      persistent.truncateFrom(node.commitIndex + 1);
    }
    persistent.append(
        new LogEntry(
            persistent.currentTerm(),
            new ClientCommand(request.process(), request.sequence(), operation)));
    persistent.sync();
    writesByIndex.put(persistent.log().lastIndex(), new Waiting(client, request));
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
        String value = node.store.read(read.request().operation().key());
        node.reply(read.client(), read.request(), ReplyStatus.OK, value);
      }
    }
  }

  /** An entry was applied: answer the client that waits for it, if it is the same command. */
  void applied(long index, ClientCommand command, KvStore.Outcome outcome) {
    Waiting waiting = writesByIndex.remove(index);
    if (waiting == null
        || waiting.request().process() != command.process()
        || waiting.request().sequence() != command.sequence()) {
      return;
    }
    node.reply(waiting.client(), waiting.request(), outcome.status(), outcome.value());
  }

  void forgetPending() {
    writesByIndex.clear();
    reads.clear();
    sharedRound = 0;
  }
}
