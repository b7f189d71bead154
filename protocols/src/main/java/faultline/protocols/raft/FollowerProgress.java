package faultline.protocols.raft;

/**
 * What a leader knows of one follower's log, after etcd-raft's {@code Progress}: Figure 2's
 * nextIndex and matchIndex, plus whether the leader is still probing for the point where the logs
 * agree or already streaming entries to it (Ongaro's dissertation §10.2.1, pipelining).
 *
 * <p>In {@link State#PROBE} (at a leader's start and after a rejection) at most one AppendEntries
 * with entries is outstanding and nextIndex moves only when a reply arrives. In {@link
 * State#REPLICATE} (after a success) the leader sends each new entry once, as it is appended, and
 * moves nextIndex past it when sending, with at most a bounded number of AppendEntries in flight
 * ({@link InflightAppends}, etcd-raft's {@code MaxInflightMsgs}): a lost message shows as a
 * rejection of a later one, which sends the follower back to probe from just after what is known to
 * match. matchIndex never moves backwards, whatever order replies arrive in.
 */
final class FollowerProgress {
  enum State {
    PROBE,
    REPLICATE
  }

  private State state = State.PROBE;
  private long nextIndex;
  private long matchIndex;
  private boolean probeOutstanding;
  private boolean sentSinceTick;
  // When each AppendEntries not yet known to have arrived left, by the index of its first entry.
  private final SortedLongMap sentAtNanosByFirstIndex = new SortedLongMap();
  // First entries of AppendEntries rejected because they overtook earlier ones (values unused).
  private final SortedLongMap overtakenFirstIndexes = new SortedLongMap();
  private final InflightAppends inflight;

  FollowerProgress(long nextIndex, int maxInflightAppends) {
    this.nextIndex = nextIndex;
    this.inflight = new InflightAppends(maxInflightAppends);
  }

  State state() {
    return state;
  }

  long nextIndex() {
    return nextIndex;
  }

  long matchIndex() {
    return matchIndex;
  }

  /** Whether a probe that carries entries may be sent now: probing, and none outstanding. */
  boolean mayProbe() {
    return state == State.PROBE && !probeOutstanding;
  }

  void probeSent() {
    probeOutstanding = true;
  }

  /** Whether replicating must wait: as many AppendEntries in flight as the limit allows. */
  boolean inflightFull() {
    return state == State.REPLICATE && inflight.full();
  }

  /**
   * Entries {@code firstIndex} to {@code lastIndex} went out in replicate state: nextIndex moves
   * optimistically, and the AppendEntries counts as in flight until they are acknowledged.
   */
  void sent(long firstIndex, long lastIndex, long nowNanos) {
    nextIndex = Math.max(nextIndex, lastIndex + 1);
    sentSinceTick = true;
    sentAtNanosByFirstIndex.put(firstIndex, nowNanos);
    inflight.add(lastIndex);
  }

  /**
   * Whether the AppendEntries that carried entry {@code index} left less than {@code windowNanos}
   * ago: a follower that reports its log ends before it may simply not have received it yet,
   * because the network reorders messages.
   */
  boolean mayStillArrive(long index, long nowNanos, long windowNanos) {
    int sent = sentAtNanosByFirstIndex.floor(index);
    return sent >= 0 && nowNanos - sentAtNanosByFirstIndex.valueAt(sent) < windowNanos;
  }

  /**
   * Where a heartbeat's prevLogIndex points, plus one. At nextIndex - 1, so that a follower that
   * lacks an entry the leader sent rejects it and the leader probes again; but while entries sent
   * since the last heartbeat tick may still be in flight, at matchIndex: a heartbeat that overtook
   * them would be rejected for nothing, and the entries sent twice. Entries outstanding for a whole
   * heartbeat interval are checked for at the next tick.
   */
  long heartbeatNextIndex() {
    return state == State.REPLICATE && sentSinceTick ? matchIndex + 1 : nextIndex;
  }

  /** A periodic heartbeat went out: entries sent before it have had an interval to arrive. */
  void tick() {
    sentSinceTick = false;
  }

  /** An AppendEntries starting at {@code firstIndex} overtook an earlier one and was rejected. */
  void overtaken(long firstIndex) {
    overtakenFirstIndexes.put(firstIndex, 0);
  }

  /**
   * Whether the follower now holds everything before an overtaken AppendEntries, so that its
   * entries should go again; forgets every overtaken one, since they all go again together.
   */
  boolean takeGapFilled() {
    if (!overtakenFirstIndexes.containsKey(matchIndex + 1)) {
      return false;
    }
    overtakenFirstIndexes.clear();
    return true;
  }

  /**
   * A success reply says the follower's log matches through {@code index}. Raises matchIndex (never
   * lowers it: replies may be stale or duplicated), frees the AppendEntries it acknowledges, and
   * starts or keeps replicating.
   */
  void matched(long index) {
    if (index > matchIndex) {
      matchIndex = index;
      int stillNeeded = sentAtNanosByFirstIndex.floor(matchIndex + 1);
      if (stillNeeded >= 0) {
        sentAtNanosByFirstIndex.removeBelow(sentAtNanosByFirstIndex.keyAt(stillNeeded));
      }
      overtakenFirstIndexes.removeBelow(matchIndex + 1);
      inflight.freeThrough(matchIndex);
    }
    if (state == State.PROBE) {
      state = State.REPLICATE;
      probeOutstanding = false;
      nextIndex = matchIndex + 1;
      inflight.clear();
    } else {
      nextIndex = Math.max(nextIndex, matchIndex + 1);
    }
  }

  /**
   * Whether a rejection of the AppendEntries whose prevLogIndex was {@code rejectedPrevIndex} is
   * news rather than a stale or duplicated reply. While probing only the answer to the latest probe
   * counts; while replicating, any rejection above what is known to match means something was lost
   * (etcd-raft's {@code MaybeDecrTo}).
   */
  boolean isCurrentRejection(long rejectedPrevIndex) {
    return state == State.PROBE
        ? rejectedPrevIndex == nextIndex - 1
        : rejectedPrevIndex > matchIndex;
  }

  /**
   * Back to probing after a rejection that {@link #isCurrentRejection} accepted (etcd-raft's {@code
   * MaybeDecrTo}). While replicating, from just after what is known to match: the follower holds
   * that, and everything sent since may have been lost, so that probe succeeds at once. While
   * probing, from {@code probeNext}, where the follower's reply says to look next, never below what
   * is known to match.
   */
  void backUp(long probeNext) {
    nextIndex = state == State.REPLICATE ? matchIndex + 1 : Math.max(probeNext, matchIndex + 1);
    state = State.PROBE;
    probeOutstanding = false;
    sentAtNanosByFirstIndex.clear();
    overtakenFirstIndexes.clear();
    inflight.clear();
  }
}
