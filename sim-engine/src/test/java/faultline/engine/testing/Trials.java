package faultline.engine.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A small seeded property harness: runs a check on many generated cases, each drawn from its own
 * seed, and names the seed of the first case that fails so that it can be replayed alone.
 *
 * <p>How it works: case {@code i} uses a {@link SplittableRandom} seeded with {@code base + i}. The
 * base is fixed, so every build checks the same cases; pass {@code -Dfaultline.trialBase=N} to
 * explore other cases, or {@code -Dfaultline.trialSeed=N} to rerun only the case that failed. The
 * generator is the JDK's, not the engine's, so a bug in {@code SimRandom} cannot hide itself.
 */
public final class Trials {
  private static final long DEFAULT_BASE = 0x5EED_0000L;

  private Trials() {}

  /**
   * Runs {@code check} on {@code cases} generated cases (or on the one named on the command line).
   */
  public static void forAll(String property, int cases, Consumer<SplittableRandom> check) {
    String only = System.getProperty("faultline.trialSeed");
    if (only != null) {
      runOne(property, Long.parseLong(only), check);
      return;
    }
    long base = Long.getLong("faultline.trialBase", DEFAULT_BASE);
    for (int i = 0; i < cases; i++) {
      runOne(property, base + i, check);
    }
  }

  private static void runOne(String property, long seed, Consumer<SplittableRandom> check) {
    try {
      check.accept(new SplittableRandom(seed));
    } catch (AssertionError | RuntimeException failure) {
      throw new AssertionError(
          property
              + " fails for the case with seed "
              + seed
              + " (rerun it alone with"
              + " -Dfaultline.trialSeed="
              + seed
              + "): "
              + failure.getMessage(),
          failure);
    }
  }

  /**
   * A long in {@code [min, max]} that is an edge of the range one time in eight, since bugs gather
   * at the edges and uniform draws rarely hit them.
   */
  public static long edgy(SplittableRandom random, long min, long max) {
    return switch (random.nextInt(16)) {
      case 0 -> min;
      case 1 -> max;
      default -> uniform(random, min, max);
    };
  }

  /** A long uniform in {@code [min, max]}, for any range, including the full one. */
  public static long uniform(SplittableRandom random, long min, long max) {
    if (max < Long.MAX_VALUE) {
      return random.nextLong(min, max + 1);
    }
    return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
  }
}
