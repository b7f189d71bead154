package faultline.protocols.paxos;

import faultline.engine.random.SimRandom;

/**
 * The pause a preempted proposer takes before its next attempt: none (it retries at once, as the
 * paper's proposer may), or a random duration drawn uniformly from {@code [minNanos, maxNanos]}.
 * Paxos Made Simple §2.4 notes that two proposers can preempt each other forever, and that progress
 * needs one of them to back off; randomized backoff is the usual way (as randomized election
 * timeouts are in Raft).
 */
public record Backoff(long minNanos, long maxNanos) {
  public static final Backoff NONE = new Backoff(0, 0);

  public Backoff {
    if (minNanos < 0 || maxNanos < minNanos) {
      throw new IllegalArgumentException("a backoff must satisfy 0 <= min <= max");
    }
  }

  public boolean enabled() {
    return maxNanos > 0;
  }

  long drawNanos(SimRandom random) {
    return random.nextLongBetween(minNanos, maxNanos);
  }
}
