package faultline.engine.random;

import faultline.engine.Check;

/**
 * The engine's own pseudo-random generator: SplitMix64 (Steele, Lea and Flood, "Fast Splittable
 * Pseudorandom Number Generators", OOPSLA 2014).
 *
 * <p>We own it rather than use {@code java.util.Random} so that its output is frozen by our golden
 * tests and can never change under us with a JDK upgrade. Draws are integer-only where possible;
 * the few floating-point draws (latency distributions) use {@link StrictMath}, whose results are
 * identical on every platform.
 */
public final class SimRandom {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;
  private long draws;

  public SimRandom(long seed) {
    this.state = seed;
  }

  /** The next 64 uniformly distributed bits. */
  public long nextLong() {
    draws++;
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /** Uniform in {@code [0, bound)}, without modulo bias (Lemire's multiply-and-reject method). */
  public long nextLong(long bound) {
    Check.argument(bound > 0, "bound must be positive: %s", bound);
    long threshold = Long.remainderUnsigned(-bound, bound);
    while (true) {
      long bits = nextLong();
      long low = bits * bound;
      if (Long.compareUnsigned(low, threshold) >= 0) {
        return Math.unsignedMultiplyHigh(bits, bound);
      }
    }
  }

  /** Uniform in {@code [minInclusive, maxInclusive]}. */
  public long nextLongBetween(long minInclusive, long maxInclusive) {
    Check.argument(
        minInclusive <= maxInclusive, "empty range [%s, %s]", minInclusive, maxInclusive);
    long span = maxInclusive - minInclusive + 1;
    if (span <= 0) { // The range covers more than half of all longs: rejection on the raw bits.
      while (true) {
        long bits = nextLong();
        if (bits >= minInclusive && bits <= maxInclusive) {
          return bits;
        }
      }
    }
    return minInclusive + nextLong(span);
  }

  /** Uniform in {@code [0, bound)}. */
  public int nextInt(int bound) {
    return (int) nextLong(bound);
  }

  /** True with probability {@code ratio}, decided in integers. */
  public boolean chance(Ratio ratio) {
    if (ratio.isZero()) {
      return false;
    }
    if (ratio.isOne()) {
      return true;
    }
    return nextLong(ratio.denominator()) < ratio.numerator();
  }

  /** Uniform in {@code [0, 1)} with 53 bits of precision. */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** How many 64-bit draws this generator has made; useful when explaining a divergence. */
  public long draws() {
    return draws;
  }

  /** The SplitMix64 finalizer (also David Stafford's "Mix13"). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
