package faultline.protocols.raft;

import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A leader's volatile state: Figure 2's nextIndex and matchIndex per follower ({@link
 * FollowerProgress}), plus heartbeat rounds. A round is confirmed once a majority (the leader
 * included) acknowledged it or a later one; a confirmed round proves that no other leader had been
 * elected when it was sent, which is what ReadIndex and lease reads need. Also remembers who
 * answered since the last CheckQuorum, and the reads waiting for a round ({@link ReadQueue}).
 */
final class LeaderState {
  /**
   * A leader cut off from a majority starts a round every heartbeat and none is confirmed: at the
   * default 50 ms heartbeat this many rounds take almost an hour of virtual time.
   */
  static final int UNCONFIRMED_ROUNDS_MAX = 1 << 16;

  private final long noOpIndex;
  private final int majority;
  private final Map<NodeId, FollowerProgress> progress = new TreeMap<>();
  private final Map<NodeId, Long> ackedRound = new TreeMap<>();
  private final TreeMap<Long, Long> roundSentAtNanos = new TreeMap<>();
  private final ReadQueue reads = new ReadQueue();
  private final Set<NodeId> heardSinceCheck = new TreeSet<>();
  private long round;
  private long confirmedRound;
  private long leaseUntilNanos = Long.MIN_VALUE;
  private int roundsForgotten;

  LeaderState(List<NodeId> followers, long noOpIndex, int majority, int maxInflightAppends) {
    this.noOpIndex = noOpIndex;
    this.majority = majority;
    for (NodeId follower : followers) {
      progress.put(follower, new FollowerProgress(noOpIndex, maxInflightAppends));
      ackedRound.put(follower, 0L);
    }
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
    return progress.get(follower);
  }

  /** A follower whose nextIndex is not above its matchIndex (there should be none), or null. */
  NodeId followerWithNextIndexNotAboveMatch() {
    for (Map.Entry<NodeId, FollowerProgress> follower : progress.entrySet()) {
      if (follower.getValue().matchIndex() >= follower.getValue().nextIndex()) {
        return follower.getKey();
      }
    }
    return null;
  }

  long nextIndex(NodeId follower) {
    return progress.get(follower).nextIndex();
  }

  long matchIndex(NodeId follower) {
    return progress.get(follower).matchIndex();
  }

  void matched(NodeId follower, long index) {
    progress.get(follower).matched(index);
  }

  /** Moves nextIndex back after a rejection, never below what is known to match. */
  void backUp(NodeId follower, long next) {
    progress.get(follower).backUp(next);
  }

  /** How many servers, the leader included, store the entry at {@code index}. */
  int replicas(long index) {
    int count = 1;
    for (FollowerProgress follower : progress.values()) {
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
    roundSentAtNanos.put(round, nowNanos);
    if (roundSentAtNanos.size() > UNCONFIRMED_ROUNDS_MAX) {
      roundSentAtNanos.pollFirstEntry();
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
    heardSinceCheck.add(follower);
    if (acked <= ackedRound.get(follower)) {
      return;
    }
    ackedRound.put(follower, acked);
    List<Long> rounds = new ArrayList<>(ackedRound.values());
    rounds.sort((a, b) -> Long.compare(b, a));
    long byMajority = rounds.get(majority - 2); // The leader itself acknowledges every round.
    if (byMajority > confirmedRound) {
      confirm(byMajority, leaseNanos);
    }
  }

  private void confirm(long confirmed, long leaseNanos) {
    confirmedRound = confirmed;
    Long sentAt = roundSentAtNanos.get(confirmed);
    if (sentAt != null && leaseNanos > 0) {
      leaseUntilNanos = Math.max(leaseUntilNanos, sentAt + leaseNanos);
    }
    roundSentAtNanos.headMap(confirmed, true).clear();
  }

  boolean leaseHolds(long nowNanos) {
    return nowNanos < leaseUntilNanos;
  }

  /** CheckQuorum: whether a majority answered since the last check; starts a new period. */
  boolean quorumHeardSinceLastCheck() {
    boolean heard = heardSinceCheck.size() + 1 >= majority;
    heardSinceCheck.clear();
    return heard;
  }
}
