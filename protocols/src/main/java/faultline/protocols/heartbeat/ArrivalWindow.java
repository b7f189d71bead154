package faultline.protocols.heartbeat;

/**
 * The phi accrual detector's view of one monitored member (Hayashibara et al., SRDS 2004, §3): the
 * last {@code size} intervals between its heartbeats, in a ring, with their running sum and sum of
 * squares. phi is {@code -log10(1 - F(t))}, where t is the time since the last heartbeat and F the
 * normal distribution with the intervals' mean and standard deviation: phi = 1 means a 10% chance
 * that a heartbeat is still to come, phi = 8 one in 10^8. As Akka and Cassandra do, the standard
 * deviation is held at least {@code minStdDevNanos} (so that a perfectly regular sender is not
 * declared dead by a heartbeat a millisecond late), F is taken from the logistic approximation of
 * the normal distribution (Bowling et al. 2009, error under 1.4 · 10^-4), and the window starts
 * with one interval of the expected heartbeat interval.
 */
final class ArrivalWindow {
  private final long[] intervals;
  private final long minStdDevNanos;
  private int count;
  private int next;
  private double sum;
  private double squares;
  private long lastNanos;

  ArrivalWindow(int size, long minStdDevNanos, long firstIntervalNanos, long nowNanos) {
    this.intervals = new long[size];
    this.minStdDevNanos = minStdDevNanos;
    this.lastNanos = nowNanos;
    add(firstIntervalNanos);
  }

  /** A heartbeat arrived at {@code nowNanos}. */
  void heartbeat(long nowNanos) {
    add(nowNanos - lastNanos);
    lastNanos = nowNanos;
  }

  private void add(long intervalNanos) {
    if (count == intervals.length) {
      long oldest = intervals[next];
      sum -= oldest;
      squares -= (double) oldest * oldest;
    } else {
      count++;
    }
    intervals[next] = intervalNanos;
    next = (next + 1) % intervals.length;
    sum += intervalNanos;
    squares += (double) intervalNanos * intervalNanos;
  }

  /** The suspicion level at {@code nowNanos}. */
  double phi(long nowNanos) {
    double mean = sum / count;
    double variance = Math.max(0, squares / count - mean * mean);
    double stdDev = Math.max(StrictMath.sqrt(variance), minStdDevNanos);
    return phi(nowNanos - lastNanos, mean, stdDev);
  }

  /** {@code -log10(1 - F(elapsed))} for the normal distribution (mean, stdDev). */
  static double phi(double elapsedNanos, double meanNanos, double stdDevNanos) {
    double y = (elapsedNanos - meanNanos) / stdDevNanos;
    double e = StrictMath.exp(-y * (1.5976 + 0.070566 * y * y));
    // 1 - F(y) = e / (1 + e); written two ways so that neither side loses its digits.
    return elapsedNanos > meanNanos
        ? -StrictMath.log10(e / (1.0 + e))
        : -StrictMath.log10(1.0 - 1.0 / (1.0 + e));
  }

  long lastNanos() {
    return lastNanos;
  }
}
