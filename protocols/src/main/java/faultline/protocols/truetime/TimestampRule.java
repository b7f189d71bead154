package faultline.protocols.truetime;

/** How a server picks a commit timestamp from {@code TT.now()}. */
public enum TimestampRule {
  /**
   * Spanner §4.1.2, Start: "no less than the value of TT.now().latest", so the timestamp is no
   * earlier than the true time at which the commit request arrived.
   */
  LATEST,
  /** {@link TrueTimeBug#TIMESTAMP_FROM_EARLIEST}: TT.now().earliest, which may be in the past. */
  EARLIEST;

  long pick(TtInterval now) {
    return this == LATEST ? now.latestNanos() : now.earliestNanos();
  }
}
