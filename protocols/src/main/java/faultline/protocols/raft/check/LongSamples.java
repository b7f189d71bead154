package faultline.protocols.raft.check;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Measurements in nanoseconds, kept as longs while a run goes on and sorted as longs at the end:
 * the percentiles of a run's commit latencies sorted them as boxed {@code Long}s in the order they
 * came (0.9% of the benchmark workload's CPU samples); handed over sorted, their sort finds them in
 * order (0.2%). {@link faultline.engine.check.Percentiles} still copies them into boxes.
 */
final class LongSamples {
  private long[] values = new long[64];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  /**
   * The samples in ascending order, as a read-only list whose elements are boxed only when read:
   * sorted in place as longs (their order of arrival is not kept), and a sort of that list by value
   * finds it sorted. Valid until the next {@link #add} or {@code sorted}.
   */
  List<Long> sorted() {
    Arrays.sort(values, 0, size);
    return new SortedView(values, size);
  }

  private static final class SortedView extends AbstractList<Long> implements RandomAccess {
    private final long[] ascending;
    private final int size;

    SortedView(long[] ascending, int size) {
      this.ascending = ascending;
      this.size = size;
    }

    @Override
    public Long get(int index) {
      return ascending[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
