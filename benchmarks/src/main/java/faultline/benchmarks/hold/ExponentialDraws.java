package faultline.benchmarks.hold;

import faultline.engine.random.SimRandom;

/**
 * The hold model's delays, the same for every engine: Exp(1) in seconds, as whole nanoseconds,
 * drawn once from the engine's own SplitMix64 stream and then read in a cycle.
 *
 * <p>Why precomputed: a logarithm per draw costs about as much as a small heap operation, and it
 * would be paid equally by every engine, shrinking the differences under measurement. A table read
 * costs the same for all. The table has 2^16 entries (512 KiB): long enough that its cycle is
 * invisible to the queue's shape, small enough to stay in the second-level cache.
 *
 * <p>Why whole nanoseconds: the engine keeps time in {@code long} nanoseconds and the peers in
 * {@code double}; every time below 2^53 ns (104 days) is exact in both, so all engines see the same
 * fire times and the checksums can be compared bit for bit.
 */
public final class ExponentialDraws {
  static final int TABLE_SIZE = 1 << 16;
  private static final double NANOS_PER_SECOND = 1e9;

  private final long[] delaysNanos = new long[TABLE_SIZE];
  private int next;

  public ExponentialDraws(long seed) {
    SimRandom random = new SimRandom(seed);
    for (int i = 0; i < TABLE_SIZE; i++) {
      // 1 - u is in (0, 1], so the logarithm is finite; a delay is at least 1 ns so that no event
      // is scheduled at the instant it is fired from (MASON refuses scheduling in the past).
      double seconds = -Math.log(1.0 - random.nextDouble());
      delaysNanos[i] = Math.max(1L, Math.round(seconds * NANOS_PER_SECOND));
    }
  }

  /** The next delay, in nanoseconds. */
  public long nextDelayNanos() {
    long delay = delaysNanos[next];
    next = (next + 1) & (TABLE_SIZE - 1);
    return delay;
  }
}
