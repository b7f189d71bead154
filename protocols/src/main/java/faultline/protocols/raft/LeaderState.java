package faultline.protocols.raft;

import faultline.engine.node.NodeId;
import java.util.Arrays;
import java.util.List;

/**
 * A leader's volatile state: Figure 2's nextIndex and matchIndex per follower ({@link
 * FollowerProgress}), plus heartbeat rounds. A round is confirmed once a majority (the leader
 * included) acknowledged it or a later one; a confirmed round proves that no other leader had been
 * elected when it was sent, which is what ReadIndex and lease reads need. Also remembers who
 * answered since the last CheckQuorum, and the reads waiting for a round ({@link ReadQueue}).
 *
 * <p>Per-follower state lives in arrays indexed by the follower's place in id order, found by a
 * scan of at most a few ids: every AppendEntries reply asks for it, and the {@code TreeMap}s keyed
 * by node this replaced spent more time comparing node names than the leader spent on the reply.
 */
final class LeaderState {
  /**
   * A leader cut off from a majority starts a round every heartbeat and none is confirmed: at the
   * default 50 ms heartbeat this many rounds take almost an hour of virtual time.
   */
  static final int UNCONFIRMED_ROUNDS_MAX = 1 << 16;

  private final long noOpIndex;
  private final int majority;
  private final NodeId[] followers; // Sorted by id.
  private final FollowerProgress[] progress;
  private final long[] ackedRound;
  private final long[] ackedRoundSorted; // Scratch for acknowledge, so that it allocates nothing.
  private final boolean[] heardSinceCheck;
  private final RoundSendTimes roundSentAtNanos = new RoundSendTimes(UNCONFIRMED_ROUNDS_MAX);
  private final ReadQueue reads = new ReadQueue();
  private long round;
  private long confirmedRound;
  private long leaseUntilNanos = Long.MIN_VALUE;
  private int roundsForgotten;

  LeaderState(List<NodeId> followers, long noOpIndex, int majority, int maxInflightAppends) {
    this.noOpIndex = noOpIndex;
    this.majority = majority;
    this.followers = followers.stream().sorted().toArray(NodeId[]::new);
    this.progress = new FollowerProgress[this.followers.length];
    for (int i = 0; i < progress.length; i++) {
      progress[i] = new FollowerProgress(noOpIndex, maxInflightAppends);
    }
    this.ackedRound = new long[this.followers.length];
    this.ackedRoundSorted = new long[this.followers.length];
    this.heardSinceCheck = new boolean[this.followers.length];
  }

  private int indexOf(NodeId follower) {
    for (int i = 0; i < followers.length; i++) {
      if (followers[i].equals(follower)) {
        return i;
      }
    }
    throw new IllegalArgumentException(follower + " is not a follower of this leader");
  }

  /** The index of the no-op this leader appended on taking office. */
  long noOpIndex() {
    return noOpIndex;
  }

  /** The reads waiting for a confirmed round. */
  ReadQueue reads() {
    return reads;
  }

  FollowerProgress progress(NodeId follower) {
    return progress[indexOf(follower)];
  }

  /** A follower whose nextIndex is not above its matchIndex (there should be none), or null. */
  NodeId followerWithNextIndexNotAboveMatch() {
    for (int i = 0; i < followers.length; i++) {
      if (progress[i].matchIndex() >= progress[i].nextIndex()) {
        return followers[i];
      }
    }
    return null;
  }

  long nextIndex(NodeId follower) {
    return progress(follower).nextIndex();
  }

  long matchIndex(NodeId follower) {
    return progress(follower).matchIndex();
  }

  void matched(NodeId follower, long index) {
    progress(follower).matched(index);
  }

  /** Moves nextIndex back after a rejection, never below what is known to match. */
  void backUp(NodeId follower, long next) {
    progress(follower).backUp(next);
  }

  /** How many servers, the leader included, store the entry at {@code index}. */
  int replicas(long index) {
    int count = 1;
    for (FollowerProgress follower : progress) {
      if (follower.matchIndex() >= index) {
        count++;
      }
    }
    return count;
  }

  /**
   * Starts heartbeat round {@code round() + 1}. At most {@link #UNCONFIRMED_ROUNDS_MAX} unconfirmed
   * rounds keep their send time; past it the oldest is forgotten ({@link #takeRoundsForgotten}),
   * which can only deny a lease that a confirmation of so old a round would have granted.
   */
  long startRound(long nowNanos) {
    round++;
    if (roundSentAtNanos.add(round, nowNanos)) {
      roundsForgotten++;
    }
    if (majority == 1) {
      confirm(round, 0);
    }
    return round;
  }

  long round() {
    return round;
  }

  /** How many rounds' send times were forgotten since the last call; resets the count. */
  int takeRoundsForgotten() {
    int forgotten = roundsForgotten;
    roundsForgotten = 0;
    return forgotten;
  }

  /** Whether every round started so far is confirmed: a new one would be the only one in flight. */
  boolean noRoundInFlight() {
    return confirmedRound == round;
  }

  long confirmedRound() {
    return confirmedRound;
  }

  /** A follower acknowledged {@code acked}; confirms rounds and renews the lease. */
  void acknowledge(NodeId follower, long acked, long leaseNanos) {
    int i = indexOf(follower);
    heardSinceCheck[i] = true;
    if (acked <= ackedRound[i]) {
      return;
    }
    ackedRound[i] = acked;
    System.arraycopy(ackedRound, 0, ackedRoundSorted, 0, ackedRound.length);
    Arrays.sort(
        ackedRoundSorted); // Ascending; the (majority - 1)th highest is counted from the end.
    // The leader itself acknowledges every round, so majority - 1 followers make a majority.
    long byMajority = ackedRoundSorted[ackedRoundSorted.length - (majority - 1)];
    if (byMajority > confirmedRound) {
      confirm(byMajority, leaseNanos);
    }
  }

  private void confirm(long confirmed, long leaseNanos) {
    confirmedRound = confirmed;
    if (leaseNanos > 0 && roundSentAtNanos.holds(confirmed)) {
      leaseUntilNanos =
          Math.max(leaseUntilNanos, roundSentAtNanos.sentAtNanos(confirmed) + leaseNanos);
    }
    roundSentAtNanos.forgetThrough(confirmed);
  }

  boolean leaseHolds(long nowNanos) {
    return nowNanos < leaseUntilNanos;
  }

  /** CheckQuorum: whether a majority answered since the last check; starts a new period. */
  boolean quorumHeardSinceLastCheck() {
    int heard = 1; // The leader itself.
    for (int i = 0; i < heardSinceCheck.length; i++) {
      if (heardSinceCheck[i]) {
        heard++;
      }
    }
    Arrays.fill(heardSinceCheck, false);
    return heard >= majority;
  }
}
