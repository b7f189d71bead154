package faultline.protocols.raft.check;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Measurements in nanoseconds, kept unboxed while a run goes on: the commit latency of every entry
 * of a run was a boxed {@code Long} in a growing list (about 1 byte per event of the benchmark
 * workload), sorted as objects at the end.
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
   * The samples in ascending order, as a read-only list whose elements are boxed only when read (a
   * percentile reads three): sorted as longs, and a sort of that list by value finds it sorted.
   */
  List<Long> sorted() {
    long[] ascending = Arrays.copyOf(values, size);
    Arrays.sort(ascending);
    return new SortedView(ascending);
  }

  private static final class SortedView extends AbstractList<Long> implements RandomAccess {
    private final long[] ascending;

    SortedView(long[] ascending) {
      this.ascending = ascending;
    }

    @Override
    public Long get(int index) {
      return ascending[index];
    }

    @Override
    public int size() {
      return ascending.length;
    }
  }
}
