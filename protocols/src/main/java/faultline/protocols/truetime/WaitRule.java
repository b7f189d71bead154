package faultline.protocols.truetime;

/** When a committed transaction becomes visible: the commit wait, or its absence. */
public enum WaitRule {
  /**
   * Spanner §4.1.2, Commit Wait: "the coordinator leader ensures that clients cannot see any data
   * committed by T_i until TT.after(s_i) is true", so the timestamp is in the past, in true time,
   * when anyone can see the commit.
   */
  TRUETIME_AFTER,
  /**
   * {@link TrueTimeBug#WAIT_ON_LOCAL_CLOCK}: waits until the server's own clock passes the
   * timestamp, as if it had no error: half the wait, and not enough when the clock runs ahead.
   */
  LOCAL_CLOCK,
  /** No commit wait ({@code "commitWait": false}): visible at once. */
  NONE;

  /** Whether the transaction with timestamp {@code timestampNanos} may be made visible now. */
  boolean over(long timestampNanos, long wallNanos, long epsilonNanos) {
    return switch (this) {
      case TRUETIME_AFTER -> TtInterval.now(wallNanos, epsilonNanos).after(timestampNanos);
      case LOCAL_CLOCK -> wallNanos > timestampNanos;
      case NONE -> true;
    };
  }

  /** How long, by the server's clock, until {@link #over} may be true; at least 1 ns. */
  long remainingNanos(long timestampNanos, long wallNanos, long epsilonNanos) {
    long until =
        switch (this) {
          case TRUETIME_AFTER -> timestampNanos + epsilonNanos + 1;
          case LOCAL_CLOCK -> timestampNanos + 1;
          case NONE -> wallNanos;
        };
    return Math.max(1, until - wallNanos);
  }
}
