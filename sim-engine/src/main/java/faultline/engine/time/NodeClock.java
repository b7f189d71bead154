package faultline.engine.time;

import faultline.engine.Check;

/**
 * One node's hardware clocks as functions of true (virtual) time.
 *
 * <p>Both clocks tick at the node's oscillator rate, {@code 1 + drift}, with drift in parts per
 * billion (1 ppm = 1,000 ppb). The wall clock also has an offset that faults can set or step
 * (forward or back); the monotonic clock never jumps. Each is kept as an anchor, a reading taken at
 * a true instant, so that drift changes apply from the instant they happen, like TigerBeetle's
 * {@code TimeSim}. All arithmetic is exact integer arithmetic: the same inputs give the same
 * readings on every machine.
 */
public final class NodeClock {
  public static final long PPB_PER_UNIT = 1_000_000_000L;

  /** Drift beyond ±50% would make timers meaningless; real oscillators are within ±500 ppm. */
  public static final long DRIFT_PPB_LIMIT = 500_000_000L;

  private long driftPpb;
  private long wallAnchorTrueNanos;
  private long wallAnchorReadingNanos;
  private long monotonicAnchorTrueNanos;
  private long monotonicAnchorReadingNanos;

  public NodeClock(long initialOffsetNanos, long driftPpb) {
    checkDrift(driftPpb);
    this.driftPpb = driftPpb;
    this.wallAnchorReadingNanos = initialOffsetNanos;
  }

  public static NodeClock perfect() {
    return new NodeClock(0, 0);
  }

  /**
   * An independent clock in the same state. Clocks are mutable (faults change them during a run),
   * so each run starts from its own copy of the clock it was configured with.
   */
  public NodeClock copy() {
    NodeClock copy = new NodeClock(0, driftPpb);
    copy.wallAnchorTrueNanos = wallAnchorTrueNanos;
    copy.wallAnchorReadingNanos = wallAnchorReadingNanos;
    copy.monotonicAnchorTrueNanos = monotonicAnchorTrueNanos;
    copy.monotonicAnchorReadingNanos = monotonicAnchorReadingNanos;
    return copy;
  }

  public long wallNanos(long trueNanos) {
    return wallAnchorReadingNanos + scaled(trueNanos - wallAnchorTrueNanos);
  }

  public long monotonicNanos(long trueNanos) {
    return monotonicAnchorReadingNanos + scaled(trueNanos - monotonicAnchorTrueNanos);
  }

  /** The wall clock's current offset from true time: positive when it runs ahead. */
  public long offsetNanos(long trueNanos) {
    return wallNanos(trueNanos) - trueNanos;
  }

  public long driftPpb() {
    return driftPpb;
  }

  /** From {@code trueNanos} on, both clocks tick at {@code 1 + driftPpb / 10^9}. */
  public void setDrift(long trueNanos, long newDriftPpb) {
    checkDrift(newDriftPpb);
    reanchor(trueNanos);
    driftPpb = newDriftPpb;
  }

  /**
   * Steps the wall clock by {@code deltaNanos} (negative steps it back), as NTP or an admin might.
   */
  public void jump(long trueNanos, long deltaNanos) {
    reanchor(trueNanos);
    wallAnchorReadingNanos = Math.addExact(wallAnchorReadingNanos, deltaNanos);
  }

  /** Sets the wall clock so that it reads {@code trueNanos + offsetNanos} now. */
  public void setOffset(long trueNanos, long offsetNanos) {
    reanchor(trueNanos);
    wallAnchorReadingNanos = Math.addExact(trueNanos, offsetNanos);
  }

  /**
   * How much true time passes while this clock advances {@code localNanos}, rounded up so that a
   * timer never fires before its local deadline. Assumes the current drift holds; a later drift
   * change does not move timers that are already armed, as with a real hardware timer queue.
   */
  public long trueDurationOf(long localNanos) {
    Check.argument(localNanos >= 0, "negative duration: %s", localNanos);
    long rate = PPB_PER_UNIT + driftPpb;
    long whole = localNanos / rate;
    long rest = localNanos % rate;
    // localNanos * 10^9 / rate, split so the product cannot overflow, then rounded up.
    long quotient = Math.multiplyExact(whole, PPB_PER_UNIT);
    long numerator = rest * PPB_PER_UNIT; // rest < rate <= 1.5e9, so this is below 1.5e18.
    return quotient + ceilDiv(numerator, rate);
  }

  private void reanchor(long trueNanos) {
    wallAnchorReadingNanos = wallNanos(trueNanos);
    wallAnchorTrueNanos = trueNanos;
    monotonicAnchorReadingNanos = monotonicNanos(trueNanos);
    monotonicAnchorTrueNanos = trueNanos;
  }

  /** {@code elapsed * (1 + drift)}, exactly (floored), without overflow for any run length. */
  private long scaled(long elapsedNanos) {
    if (driftPpb == 0) {
      return elapsedNanos; // What the arithmetic below gives; most clocks never drift.
    }
    long seconds = Math.floorDiv(elapsedNanos, PPB_PER_UNIT);
    long rest = Math.floorMod(elapsedNanos, PPB_PER_UNIT);
    long driftOfWhole = Math.multiplyExact(seconds, driftPpb);
    long driftOfRest = Math.floorDiv(rest * driftPpb, PPB_PER_UNIT); // |rest * drift| < 5e17.
    return elapsedNanos + driftOfWhole + driftOfRest;
  }

  private static long ceilDiv(long numerator, long denominator) {
    return -Math.floorDiv(-numerator, denominator);
  }

  private static void checkDrift(long driftPpb) {
    Check.argument(
        Math.abs(driftPpb) <= DRIFT_PPB_LIMIT,
        "clock drift must stay within ±%s ppm: %s ppb",
        DRIFT_PPB_LIMIT / 1000,
        driftPpb);
  }
}
