package faultline.protocols.raft;

import java.util.Arrays;

/**
 * A small map from {@code long} to {@code long} kept sorted by key in two arrays: what {@link
 * FollowerProgress} needs of a {@code TreeMap<Long, Long>} (put, floor, drop the lowest keys),
 * without boxing two longs and making an entry per AppendEntries. It holds at most the
 * AppendEntries in flight to one follower, a handful, so inserting by shifting is cheaper than a
 * tree.
 */
final class SortedLongMap {
  private long[] keys = new long[8];
  private long[] values = new long[8];
  private int size;

  int size() {
    return size;
  }

  /** Maps {@code key} to {@code value}, replacing what it mapped to. */
  void put(long key, long value) {
    int at = Arrays.binarySearch(keys, 0, size, key);
    if (at >= 0) {
      values[at] = value;
      return;
    }
    int insertAt = -at - 1;
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    System.arraycopy(keys, insertAt, keys, insertAt + 1, size - insertAt);
    System.arraycopy(values, insertAt, values, insertAt + 1, size - insertAt);
    keys[insertAt] = key;
    values[insertAt] = value;
    size++;
  }

  boolean containsKey(long key) {
    return Arrays.binarySearch(keys, 0, size, key) >= 0;
  }

  /** The position of the greatest key at or below {@code key}, or -1 when there is none. */
  int floor(long key) {
    int at = Arrays.binarySearch(keys, 0, size, key);
    return at >= 0 ? at : -at - 2;
  }

  long keyAt(int position) {
    return keys[position];
  }

  long valueAt(int position) {
    return values[position];
  }

  /** Removes every key below {@code key}. */
  void removeBelow(long key) {
    int at = Arrays.binarySearch(keys, 0, size, key);
    int removed = at >= 0 ? at : -at - 1;
    System.arraycopy(keys, removed, keys, 0, size - removed);
    System.arraycopy(values, removed, values, 0, size - removed);
    size -= removed;
  }

  void clear() {
    size = 0;
  }
}
