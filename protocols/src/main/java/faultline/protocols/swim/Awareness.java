package faultline.protocols.swim;

/**
 * Lifeguard's Local Health Awareness score (§IV-A; memberlist's {@code awareness}): a member's
 * estimate of its own health, from 0 (healthy) up to {@code max - 1}. It rises when the member's
 * probes fail without the nacks that healthy helpers send, and when it must refute a suspicion
 * about itself; it falls with each probe answered in time. Timeouts are scaled by score + 1, so a
 * member that is itself slow waits longer before it accuses anyone.
 */
final class Awareness {
  private final int max;
  private int score;

  Awareness(int max) {
    this.max = max;
  }

  /** Adds {@code delta}, kept within [0, max - 1]; returns true when the score changed. */
  boolean apply(int delta) {
    int before = score;
    score = Math.max(0, Math.min(max - 1, score + delta));
    return score != before;
  }

  int score() {
    return score;
  }

  /** {@code nanos} scaled by the score: memberlist's {@code ScaleTimeout}. */
  long scale(long nanos) {
    return nanos * (score + 1);
  }
}
