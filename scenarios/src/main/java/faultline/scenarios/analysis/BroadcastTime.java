package faultline.scenarios.analysis;

/**
 * Raft's broadcast time (§5.6: "the average time it takes a server to send RPCs in parallel to
 * every server in the cluster and receive their responses") for one-way delays drawn uniformly from
 * {@code [min, max]}: the mean of the slowest of {@code followers} round trips, each the sum of two
 * independent delays. Computed by integrating the survival function of that maximum, so the figure
 * printed beside an experiment is exact to the integration step, not sampled.
 */
final class BroadcastTime {
  private static final int STEPS = 20_000;

  private BroadcastTime() {}

  static double expectedMillis(long minNanos, long maxNanos, int followers) {
    double a = minNanos / 1e6;
    double b = maxNanos / 1e6;
    if (b - a < 1e-9) {
      return 2 * a;
    }
    double step = (2 * b - 2 * a) / STEPS;
    double mean = 2 * a;
    for (int i = 0; i < STEPS; i++) {
      double x = 2 * a + (i + 0.5) * step;
      mean += (1 - Math.pow(roundTripCdf(x, a, b), followers)) * step;
    }
    return mean;
  }

  /** The CDF of the sum of two uniform [a, b] delays: a triangle on [2a, 2b]. */
  static double roundTripCdf(double x, double a, double b) {
    double width = b - a;
    double t = x - 2 * a;
    if (t <= 0) {
      return 0;
    }
    if (t >= 2 * width) {
      return 1;
    }
    if (t <= width) {
      return t * t / (2 * width * width);
    }
    double rest = 2 * width - t;
    return 1 - rest * rest / (2 * width * width);
  }
}
