package faultline.protocols.raft;

/**
 * When each unconfirmed heartbeat round of a leader was sent, for at most {@code limit} rounds.
 * Rounds are numbered 1, 2, 3... and confirmed in order, so the rounds held are always consecutive:
 * a ring of primitive times, indexed by round number, instead of the {@code TreeMap<Long, Long>} it
 * replaced, which boxed two longs per round on a path taken by most AppendEntries replies.
 */
final class RoundSendTimes {
  private final int limit;
  private long[] sentAtNanos = new long[16]; // Capacity a power of two; round r at r & (length-1).
  private long firstRound = 1; // The oldest round held.
  private long endRound = 1; // One past the newest round held.

  RoundSendTimes(int limit) {
    this.limit = limit;
  }

  /**
   * Round {@code round}, the one after the newest held, was sent at {@code nowNanos}. Returns true
   * when the oldest round had to be forgotten to stay within the limit.
   */
  boolean add(long round, long nowNanos) {
    if (endRound == firstRound) {
      firstRound = round; // Empty: start from this round.
      endRound = round;
    }
    if (endRound - firstRound == sentAtNanos.length && sentAtNanos.length < limit) {
      grow();
    }
    boolean forgotten = false;
    if (endRound - firstRound == limit) {
      firstRound++;
      forgotten = true;
    }
    sentAtNanos[(int) (round & (sentAtNanos.length - 1))] = nowNanos;
    endRound = round + 1;
    return forgotten;
  }

  /** Whether the send time of {@code round} is held (it is unconfirmed and not forgotten). */
  boolean holds(long round) {
    return firstRound <= round && round < endRound;
  }

  long sentAtNanos(long round) {
    return sentAtNanos[(int) (round & (sentAtNanos.length - 1))];
  }

  /** Rounds up to {@code round} are confirmed: their send times are no longer needed. */
  void forgetThrough(long round) {
    firstRound = Math.min(Math.max(firstRound, round + 1), endRound);
  }

  private void grow() {
    long[] grown = new long[sentAtNanos.length * 2];
    for (long round = firstRound; round < endRound; round++) {
      grown[(int) (round & (grown.length - 1))] =
          sentAtNanos[(int) (round & (sentAtNanos.length - 1))];
    }
    sentAtNanos = grown;
  }
}
