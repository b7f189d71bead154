package faultline.protocols.clocks;

import faultline.engine.Check;

/**
 * A hybrid logical clock (HLC) timestamp: Kulkarni, Demirbas, Madappa, Avva, Leone, "Logical
 * Physical Clocks and Consistent Snapshots in Globally Distributed Databases" (OPODIS 2014), the
 * algorithm of Figure 5. The paper's {@code l} is {@link #wallNanos} and its {@code c} is {@link
 * #logical}.
 *
 * <p>{@code l} is the largest physical clock reading the owner has heard of, so it stays close to
 * physical time, and {@code c} counts events since {@code l} last changed, so that the pair still
 * orders causally related events when physical clocks tie, lag, or step backwards. The paper proves
 * these properties (section 3), and {@code HybridTimestampProperties} checks each of them:
 *
 * <ul>
 *   <li>If e happened before f, then hlc(e) &lt; hlc(f), comparing (l, c) lexicographically.
 *   <li>l.f &ge; pt.f, the physical reading at f.
 *   <li>If l.f &gt; pt.f, some g happened before f with pt.g = l.f; so l.f is the largest physical
 *       reading in f's causal past.
 *   <li>c.f &le; |{g : g happened before f and l.g = l.f}|, so c stays small while physical clocks
 *       advance.
 * </ul>
 *
 * <p>{@code c} is bounded by {@link #LOGICAL_MAX}, as CockroachDB bounds its logical counter: a
 * larger value means something is feeding timestamps far ahead of physical time, and the operation
 * fails with an {@link IllegalStateException} rather than wrap or grow without limit. Values are
 * immutable; each rule returns a new timestamp.
 *
 * @param wallNanos the paper's {@code l}: the largest physical reading heard of, in nanoseconds
 * @param logical the paper's {@code c}: events since {@code l} last changed, in [0, LOGICAL_MAX]
 */
public record HybridTimestamp(long wallNanos, long logical) implements Comparable<HybridTimestamp> {
  /** The largest logical counter; the paper bounds c by the clock skew, we bound it outright. */
  public static final long LOGICAL_MAX = 1L << 30;

  private static final HybridTimestamp ZERO = new HybridTimestamp(0, 0);
  private static final HybridTimestamp BEFORE_ANY_READING = new HybridTimestamp(Long.MIN_VALUE, 0);

  public HybridTimestamp {
    Check.argument(
        logical >= 0 && logical <= LOGICAL_MAX,
        "logical counter %s is outside [0, %s]",
        logical,
        LOGICAL_MAX);
  }

  /**
   * The paper's initial state: l = 0 and c = 0 before any event. The paper's bounds assume physical
   * readings above 0; a reading at or below 0 leaves l at 0, and c then counts from this state.
   */
  public static HybridTimestamp zero() {
    return ZERO;
  }

  /**
   * A clock that has read no physical time yet: below every reading, so that the first event takes
   * its node's reading even when that reading is negative (a wall clock set behind the run's
   * epoch). A node's first event then satisfies the paper's bounds exactly.
   */
  public static HybridTimestamp beforeAnyReading() {
    return BEFORE_ANY_READING;
  }

  /**
   * The timestamp after a local or send event at physical reading {@code physicalNanos} (Figure 5,
   * "Send or local event"). When physical time has not passed {@code l}, because it stalled or
   * stepped backwards, {@code l} stays and {@code c} counts the event.
   */
  public HybridTimestamp sendOrLocal(long physicalNanos) {
    long wallNext = Math.max(wallNanos, physicalNanos);
    long logicalNext = wallNext == wallNanos ? logical + 1 : 0;
    return checked(wallNext, logicalNext, "a send or local event at physical " + physicalNanos);
  }

  /**
   * The timestamp after receiving a message stamped {@code remote} at physical reading {@code
   * physicalNanos} (Figure 5, "Receive event of message m"). {@code l} becomes the largest of the
   * three; {@code c} continues the counter of whichever side holds that {@code l}, and restarts at
   * 0 when only physical time does.
   */
  public HybridTimestamp receive(HybridTimestamp remote, long physicalNanos) {
    long wallNext = Math.max(Math.max(wallNanos, remote.wallNanos), physicalNanos);
    boolean localHoldsWall = wallNext == wallNanos;
    boolean remoteHoldsWall = wallNext == remote.wallNanos;
    long logicalNext;
    if (localHoldsWall && remoteHoldsWall) {
      logicalNext = Math.max(logical, remote.logical) + 1;
    } else if (localHoldsWall) {
      logicalNext = logical + 1;
    } else if (remoteHoldsWall) {
      logicalNext = remote.logical + 1;
    } else {
      logicalNext = 0;
    }
    return checked(wallNext, logicalNext, "receiving " + remote + " at physical " + physicalNanos);
  }

  /** True when this timestamp orders strictly before {@code other}. */
  public boolean isBefore(HybridTimestamp other) {
    return compareTo(other) < 0;
  }

  /** Lexicographic: by {@code l}, then by {@code c}. */
  @Override
  public int compareTo(HybridTimestamp other) {
    int byWall = Long.compare(wallNanos, other.wallNanos);
    return byWall != 0 ? byWall : Long.compare(logical, other.logical);
  }

  /** For example {@code HLC(1500000000,3)}: {@code l} in nanoseconds, then {@code c}. */
  @Override
  public String toString() {
    if (wallNanos == Long.MIN_VALUE) {
      return "HLC(no reading yet," + logical + ")"; // beforeAnyReading(): -2^63 would mislead.
    }
    return "HLC(" + wallNanos + "," + logical + ")";
  }

  private HybridTimestamp checked(long wallNext, long logicalNext, String event) {
    // The counter only grows while l stands still, so reaching the bound means l has run far ahead
    // of every physical clock (a remote clock far in the future, or a clock stuck in the past).
    Check.state(
        logicalNext <= LOGICAL_MAX,
        "HLC logical counter overflow: %s after %s would need c = %s > %s",
        this,
        event,
        logicalNext,
        LOGICAL_MAX);
    return new HybridTimestamp(wallNext, logicalNext);
  }
}
