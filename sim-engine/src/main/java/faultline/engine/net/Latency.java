package faultline.engine.net;

import faultline.engine.Check;
import faultline.engine.random.SimRandom;

/** A one-way message latency distribution. Every draw comes from the network's own stream. */
public sealed interface Latency {
  long sampleNanos(SimRandom random);

  /** The smallest latency this distribution can give, used to explain FIFO behaviour. */
  long minNanos();

  static Latency constant(long nanos) {
    return new Constant(nanos);
  }

  static Latency uniform(long minNanos, long maxNanos) {
    return new Uniform(minNanos, maxNanos);
  }

  /** Always the same latency. */
  record Constant(long nanos) implements Latency {
    public Constant {
      Check.argument(nanos >= 0, "latency must not be negative: %s", nanos);
    }

    @Override
    public long sampleNanos(SimRandom random) {
      return nanos;
    }

    @Override
    public long minNanos() {
      return nanos;
    }
  }

  /** Uniform in {@code [minNanos, maxNanos]}. */
  record Uniform(long minNanos, long maxNanos) implements Latency {
    public Uniform {
      Check.argument(minNanos >= 0, "latency must not be negative: %s", minNanos);
      Check.argument(minNanos <= maxNanos, "latency range is empty: %s..%s", minNanos, maxNanos);
    }

    @Override
    public long sampleNanos(SimRandom random) {
      return random.nextLongBetween(minNanos, maxNanos);
    }
  }

  /**
   * {@code minNanos} plus an exponential tail with the given mean, capped at {@code maxNanos}: the
   * long-tailed shape of real networks, with a cap so that every message has a bounded delay.
   */
  record Exponential(long minNanos, long meanExtraNanos, long maxNanos) implements Latency {
    public Exponential {
      Check.argument(minNanos >= 0, "latency must not be negative: %s", minNanos);
      Check.argument(meanExtraNanos > 0, "mean must be positive: %s", meanExtraNanos);
      Check.argument(minNanos <= maxNanos, "latency range is empty: %s..%s", minNanos, maxNanos);
    }

    @Override
    public long sampleNanos(SimRandom random) {
      double u = 1.0 - random.nextDouble(); // In (0, 1], so the log is finite.
      double extra = -StrictMath.log(u) * meanExtraNanos;
      return Math.min(maxNanos, minNanos + (long) extra);
    }
  }

  /**
   * Normal with the given mean and standard deviation (Box–Muller, on {@link StrictMath}), clamped
   * to {@code [minNanos, maxNanos]}.
   */
  record Normal(long meanNanos, long stddevNanos, long minNanos, long maxNanos) implements Latency {
    public Normal {
      Check.argument(minNanos >= 0, "latency must not be negative: %s", minNanos);
      Check.argument(stddevNanos >= 0, "standard deviation must not be negative");
      Check.argument(minNanos <= maxNanos, "latency range is empty: %s..%s", minNanos, maxNanos);
    }

    @Override
    public long sampleNanos(SimRandom random) {
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
      long value = meanNanos + (long) (z * stddevNanos);
      return Math.max(minNanos, Math.min(maxNanos, value));
    }
  }
}
