package faultline.protocols.raft;

import faultline.engine.Check;

/**
 * The AppendEntries a leader has sent one follower in the replicate state and not yet heard back
 * about, by the index of each one's last entry, at most {@code limit} of them (etcd-raft's {@code
 * Inflights} and {@code MaxInflightMsgs}). A full window stops the leader from streaming more
 * entries into a follower that does not answer; an acknowledgement frees every AppendEntries up to
 * the index it confirms. A ring buffer of primitive indexes: this is on the replication hot path.
 */
final class InflightAppends {
  private final long[] lastIndexes;
  private int start;
  private int count;

  InflightAppends(int limit) {
    Check.argument(limit > 0, "the in-flight limit must be positive");
    this.lastIndexes = new long[limit];
  }

  boolean full() {
    return count == lastIndexes.length;
  }

  int count() {
    return count;
  }

  /**
   * An AppendEntries whose last entry is {@code lastIndex} went out. One that sends again entries
   * already counted (its last index is not above the newest counted) takes no new place.
   */
  void add(long lastIndex) {
    if (count > 0 && lastIndex <= lastIndexes[(start + count - 1) % lastIndexes.length]) {
      return;
    }
    Check.state(!full(), "no room for another AppendEntries in flight");
    lastIndexes[(start + count) % lastIndexes.length] = lastIndex;
    count++;
  }

  /** The follower holds everything through {@code index}: those AppendEntries have arrived. */
  void freeThrough(long index) {
    while (count > 0 && lastIndexes[start] <= index) {
      start = (start + 1) % lastIndexes.length;
      count--;
    }
  }

  void clear() {
    start = 0;
    count = 0;
  }
}
