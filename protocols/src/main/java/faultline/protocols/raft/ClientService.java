package faultline.protocols.raft;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientCommand;
import faultline.protocols.kv.KvMessage.ClientRequest;
import faultline.protocols.kv.KvOperation;
import faultline.protocols.kv.KvReplica;
import faultline.protocols.kv.ReplyStatus;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The key-value half of a Raft leader (§8): it appends writes (and, in {@link ReadMode#LOG}, reads)
 * to the log and the shared {@link KvReplica} answers once they are applied; it serves other reads
 * by ReadIndex or lease, from the {@link ReadQueue} of its {@link LeaderState}, which is bounded: a
 * read that finds it full is dropped and counted in {@code raft.pendingReadLimitHits}. Followers
 * redirect clients ({@link RaftNode}'s role step). A leader that steps down forgets what it owed:
 * clients time out and retry, and sessions keep the retry from applying twice.
 */
final class ClientService {
  private final ServerState state;
  private final Replication replication;
  private final ServerReadLeader readLeader;
  // What serveReads hands the read queue, made once: it runs on every AppendEntries reply.
  private final Predicate<ReadTicket> mayServe;
  private final BiConsumer<NodeId, ClientRequest> answerRead;

  ClientService(ServerState state, Replication replication) {
    this.state = state;
    this.replication = replication;
    this.readLeader = new ServerReadLeader(state, this);
    this.mayServe = ticket -> state.rules().readIndex().mayServe(readLeader, ticket);
    this.answerRead =
        (client, request) ->
            state.reply(
                client, request, ReplyStatus.OK, state.kv().read(request.operation().key()));
  }

  /** The leader's step for a client's request. */
  void onClientRequest(NodeId client, ClientRequest request) {
    KvOperation operation = request.operation();
    if (operation.readOnly() && !state.rules().reads().confirmsLeadership()) {
      state.reply(client, request, ReplyStatus.OK, state.kv().read(operation.key()));
      return;
    }
    if (operation.readOnly() && state.config().readMode() != ReadMode.LOG) {
      startRead(client, request);
      return;
    }
    PersistentState persistent = state.persistent();
    long overwriteFrom =
        state.rules().writes().overwriteFrom(persistent.log().lastIndex(), state.commitIndex());
    if (overwriteFrom > 0) {
      persistent.truncateFrom(overwriteFrom);
    }
    persistent.append(new LogEntry(persistent.currentTerm(), ClientCommand.of(request)));
    persistent.sync();
    state.kv().awaitApply(persistent.log().lastIndex(), client, request);
    List<NodeId> followers = state.otherServers();
    for (int i = 0; i < followers.size(); i++) { // By index: no iterator per client request.
      replication.replicate(followers.get(i));
    }
    replication.maybeCommit();
  }

  /**
   * ReadIndex (Ongaro's dissertation §6.4), as the server's {@link ReadRule} decides it: the rule
   * says what the read waits for ({@link ReadRule#admit}), the read waits in the leader's {@link
   * ReadQueue}, and the rule says when it may be answered ({@link ReadRule#mayServe}).
   */
  private void startRead(NodeId client, ClientRequest request) {
    LeaderState leader = state.leader();
    if (leader.reads().full()) {
      // Dropped unanswered: the client times out and retries, by then perhaps elsewhere.
      state.context().count("raft.pendingReadLimitHits", 1);
      return;
    }
    ReadTicket ticket = readLeader.admitting(() -> state.rules().readIndex().admit(readLeader));
    leader.reads().add(client, request, ticket);
    serveReads();
  }

  /**
   * A heartbeat round for a read that arrives now (see {@link ReadLeader#requestRound}): none under
   * a valid lease; a new one if none is in flight; else the next one, which reads that arrive while
   * a round is in flight share, started when that one is confirmed (§6.4, batching): any round
   * started after a read arrived proves what it needs.
   */
  long requestRound() {
    LeaderState leader = state.leader();
    long nowNanos = state.context().monotonicNanos();
    if (state.config().readMode() == ReadMode.LEASE && leader.leaseHolds(nowNanos)) {
      state.context().count("kv.leaseReads", 1);
      return 0;
    }
    if (leader.noRoundInFlight()) {
      long round = leader.startRound(nowNanos);
      replication.broadcastAppend(round);
      return round;
    }
    long round = leader.round() + 1;
    leader.reads().shareNextRound(round);
    return round;
  }

  /** Starts the round that waiting reads share, once no other round is in flight. */
  void startSharedRound() {
    LeaderState leader = state.leader();
    if (leader.reads().sharedRound() > leader.round() && leader.noRoundInFlight()) {
      replication.broadcastAppend(leader.startRound(state.context().monotonicNanos()));
    }
  }

  /** Answers every waiting read that the read rule lets through. */
  void serveReads() {
    state.leader().reads().serve(mayServe, answerRead);
  }
}
