package faultline.protocols.raft;

import faultline.engine.Check;
import faultline.engine.node.NodeId;
import faultline.protocols.kv.KvMessage.ClientRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The reads a leader holds until its {@link ReadRule} lets them through (ReadIndex, Ongaro's
 * dissertation §6.4), in arrival order, at most {@link #READS_MAX}: a leader that cannot confirm a
 * round (cut off from a majority) would otherwise hold every read sent to it. Part of the leader's
 * state: a leader that steps down drops it, and its clients retry.
 */
final class ReadQueue {
  /** Far above what a run's clients keep outstanding (one request each); a bound, not a tuning. */
  static final int READS_MAX = 4096;

  private final List<PendingRead> reads = new ArrayList<>();
  private long sharedRound; // The round that reads wait for, not yet started; 0 if none.

  private record PendingRead(NodeId client, ClientRequest request, ReadTicket ticket) {}

  boolean full() {
    return reads.size() >= READS_MAX;
  }

  void add(NodeId client, ClientRequest request, ReadTicket ticket) {
    Check.state(!full(), "no room for another pending read", READS_MAX);
    reads.add(new PendingRead(client, request, ticket));
  }

  /** Reads that arrive while a round is in flight wait for {@code round}, the next one. */
  void shareNextRound(long round) {
    sharedRound = round;
  }

  long sharedRound() {
    return sharedRound;
  }

  int size() {
    return reads.size();
  }

  /**
   * Hands {@code answer} every read whose ticket {@code mayServe} accepts, in arrival order, and
   * forgets them.
   */
  void serve(Predicate<ReadTicket> mayServe, BiConsumer<NodeId, ClientRequest> answer) {
    // In place, by index: this runs on every AppendEntries reply, and an iterator each was the
    // largest garbage of the leader's reply handling. The reads kept close up in order.
    int kept = 0;
    for (int i = 0; i < reads.size(); i++) {
      PendingRead read = reads.get(i);
      if (mayServe.test(read.ticket())) {
        answer.accept(read.client(), read.request());
      } else {
        reads.set(kept++, read);
      }
    }
    while (reads.size() > kept) {
      reads.removeLast();
    }
  }
}
