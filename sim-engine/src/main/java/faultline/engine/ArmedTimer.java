package faultline.engine;

/**
 * One armed timer of a node, and the queued event that will carry it to its deadline.
 *
 * <p>A Raft follower re-arms its election timer on every AppendEntries, usually to a deadline no
 * earlier than the one already queued. Rather than queue a new event and leave the old one to be
 * popped and thrown away, the engine then only records the new deadline here, with the place in the
 * queue that a new event would have had (its sequence number, reserved at the re-arm); when the
 * queued event comes due early, it is re-queued at exactly that deadline and place. Events
 * therefore leave the queue in the same order as if every re-arm had queued its own, and the
 * fingerprint does not change.
 */
final class ArmedTimer {
  private static final long NO_CARRIER = 0; // Generations start at 1.
  private static final long NOT_ARMED = 0;

  private long generation = NOT_ARMED;
  private long dueNanos;
  private long sequence;
  // The queued event this arming travels in: its generation and when it comes due.
  private long carrierGeneration = NO_CARRIER;
  private long carrierDueNanos;

  /** The current arming; an event of any other generation does not fire the timer. */
  long generation() {
    return generation;
  }

  long dueNanos() {
    return dueNanos;
  }

  long sequence() {
    return sequence;
  }

  boolean isArmed() {
    return generation != NOT_ARMED;
  }

  /**
   * Fired or cancelled: no event fires it, and none carries it. Armed again, it is as a new entry
   * would be.
   */
  void disarm() {
    generation = NOT_ARMED;
    carrierGeneration = NO_CARRIER;
  }

  /** Re-armed as {@code generation}, due at {@code dueNanos}. */
  void arm(long generation, long dueNanos) {
    this.generation = generation;
    this.dueNanos = dueNanos;
  }

  /**
   * True when an event already queued comes due no later than this arming's deadline, so it can
   * carry the arming there: the arming then needs only its place in the queue ({@link #reserved}).
   */
  boolean hasCarrier() {
    return carrierGeneration != NO_CARRIER && carrierDueNanos <= dueNanos;
  }

  /** The place in the queue this arming's event would have had, had it been queued now. */
  void reserved(long sequence) {
    this.sequence = sequence;
  }

  /** An event of this arming's own generation was queued at its deadline: it carries it. */
  void queuedOwnEvent() {
    carrierGeneration = generation;
    carrierDueNanos = dueNanos;
  }

  /** True when an event of {@code eventGeneration} is the one carrying a later arming. */
  boolean isCarrier(long eventGeneration) {
    return eventGeneration == carrierGeneration && eventGeneration != generation;
  }
}
