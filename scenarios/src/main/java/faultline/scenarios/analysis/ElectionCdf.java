package faultline.scenarios.analysis;

import java.util.List;

/**
 * One line of the figure: the downtimes of a configuration's trials, sorted, in milliseconds.
 * Trials beyond the cap count in {@link #trials()} and sit above every finite downtime, so the CDF
 * stops below 100% when some trials never elected a leader within the cap.
 *
 * @param downtimesMillis the elected trials' downtimes, ascending
 * @param beyondCap trials still without a leader at the cap
 * @param noLeader trials in which nobody led when the crash was due, so nothing crashed (left out
 *     of every figure)
 * @param logsDiffered elected or capped trials whose survivors' logs differed when the first of
 *     them stood for election
 */
public record ElectionCdf(
    ElectionTimeouts timeouts,
    List<Double> downtimesMillis,
    int beyondCap,
    int noLeader,
    int logsDiffered) {
  public ElectionCdf {
    downtimesMillis = List.copyOf(downtimesMillis);
  }

  /** Trials that crashed a leader: elected ones and those beyond the cap. */
  public int trials() {
    return downtimesMillis.size() + beyondCap;
  }

  /**
   * The downtime below which a share {@code q} (0 to 1) of the trials fell, by the nearest-rank
   * method; infinite when that rank falls among the trials beyond the cap.
   */
  public double quantileMillis(double q) {
    int rank = (int) Math.ceil(q * trials());
    int index = Math.max(rank, 1) - 1;
    return index < downtimesMillis.size() ? downtimesMillis.get(index) : Double.POSITIVE_INFINITY;
  }

  /** The mean of the elected trials, or NaN with none. */
  public double meanMillis() {
    return downtimesMillis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** The longest elected trial, or NaN with none. */
  public double maxMillis() {
    return downtimesMillis.isEmpty() ? Double.NaN : downtimesMillis.getLast();
  }
}
