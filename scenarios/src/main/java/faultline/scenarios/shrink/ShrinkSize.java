package faultline.scenarios.shrink;

/**
 * How large a failing scenario is, as shrinking reports it.
 *
 * @param faults fault entries (a partition and its heal are two)
 * @param events events its run makes, up to and including the violation
 * @param runNanos where its run is set to stop
 * @param violationNanos when the invariant is violated
 */
public record ShrinkSize(int faults, long events, long runNanos, long violationNanos) {
  /** A time for people: {@code 2.318 s}, {@code 37.6 ms}; exact values are in the file. */
  public static String readable(long nanos) {
    return nanos >= 1_000_000_000L
        ? String.format(java.util.Locale.ROOT, "%.3f s", nanos / 1e9)
        : String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  static ShrinkSize of(Candidate candidate, Trial trial) {
    return new ShrinkSize(
        candidate.faultCount(), trial.events(), trial.untilNanos(), trial.violation().timeNanos());
  }
}
