package faultline.protocols.raft;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The matchIndexes a leader hands its {@link CommitRule}, one per server, as the rule's {@code
 * List<Long>} but held as longs: the leader sets them before every question, and each value that
 * moved was a new boxed {@code Long}. A read boxes its value, which the compiler removes where the
 * rule only compares it. Read-only to the rule.
 */
final class MatchIndexes extends AbstractList<Long> implements RandomAccess {
  private long[] values = new long[8];
  private int size;

  /** Sets the value at {@code position}, which is at most the current size (then it appends). */
  void put(int position, long matchIndex) {
    if (position == size) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      size++;
    }
    values[position] = matchIndex;
  }

  @Override
  public Long get(int position) {
    return getLong(position);
  }

  /** {@link #get} without the box. */
  long getLong(int position) {
    return values[Objects.checkIndex(position, size)];
  }

  @Override
  public int size() {
    return size;
  }
}
