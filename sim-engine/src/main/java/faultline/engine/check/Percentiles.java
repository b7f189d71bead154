package faultline.engine.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Latency metrics as every protocol reports them: p50, p99 and max by nearest rank, so that the
 * same name means the same statistic in Raft's, Multi-Paxos's and any later protocol's metrics.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * Records p50, p99 and max of {@code values} as {@code <prefix>P50Nanos}, {@code
   * <prefix>P99Nanos} and {@code <prefix>MaxNanos}; nothing when there are no values.
   */
  public static void record(InvariantContext context, String prefix, List<Long> values) {
    if (values.isEmpty()) {
      return;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    context.recordMax(prefix + "P50Nanos", nearestRank(sorted, 50));
    context.recordMax(prefix + "P99Nanos", nearestRank(sorted, 99));
    context.recordMax(prefix + "MaxNanos", sorted.getLast());
  }

  /** The nearest-rank percentile of an ascending, non-empty list. */
  public static long nearestRank(List<Long> sorted, int percentile) {
    int rank = (percentile * sorted.size() + 99) / 100;
    return sorted.get(Math.max(0, rank - 1));
  }
}
