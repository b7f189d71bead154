package faultline.protocols.raft.check;

import java.util.Arrays;

/**
 * A map from log index (1, 2, ...) to a value, in an array indexed by it: what the invariants keep
 * per log index is dense from 1 to the highest index seen, and they ask after every event, where a
 * hash map keyed by a boxed {@code Long} cost a box, a node and a hash per question. Values are
 * never null: null means no value.
 */
final class ByIndex<V> {
  private Object[] values = new Object[64]; // values[index] for index >= 1.

  @SuppressWarnings("unchecked") // Only values of type V are stored.
  V get(long index) {
    return index >= 1 && index < values.length ? (V) values[(int) index] : null;
  }

  /** Maps {@code index} to {@code value} unless it has a value; returns that value, or null. */
  V putIfAbsent(long index, V value) {
    V present = get(index);
    if (present == null) {
      put(index, value);
    }
    return present;
  }

  void put(long index, V value) {
    if (index < 1 || index > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("not a log index: " + index);
    }
    if (index >= values.length) {
      values =
          Arrays.copyOf(
              values,
              (int) Math.max(index + 1, Math.min(Integer.MAX_VALUE - 8, values.length * 2L)));
    }
    values[(int) index] = value;
  }

  /** Forgets {@code index}; returns its value, or null. */
  V remove(long index) {
    V present = get(index);
    if (present != null) {
      values[(int) index] = null;
    }
    return present;
  }
}
