package faultline.protocols.history;

import faultline.engine.lookup.LookupSet;
import java.util.Arrays;
import java.util.Objects;

/**
 * The configurations a search has already visited: (the set of operations linearized, the model
 * state), as in Lowe's memoized Wing–Gong search. A set is stored sparsely, as the index just past
 * its highest member and the indices of the holes below it, so a configuration costs memory in
 * proportion to the operations still open (about the number of clients), not to the history.
 */
final class SearchMemo {
  private final LookupSet<Key> visited = new LookupSet<>();

  /** Records the configuration; false when it was seen before. */
  boolean add(long[] linearized, Object state) {
    return visited.add(new Key(linearized, state));
  }

  /** Whether the configuration was visited before (asked only when the budget is full). */
  boolean contains(long[] linearized, Object state) {
    return visited.contains(new Key(linearized, state));
  }

  long size() {
    return visited.size();
  }

  private static final class Key {
    private final int top;
    private final int[] holes;
    private final Object state;
    private final int hash;

    Key(long[] linearized, Object state) {
      int lastWord = linearized.length - 1;
      while (lastWord >= 0 && linearized[lastWord] == 0) {
        lastWord--;
      }
      this.top =
          lastWord < 0 ? 0 : lastWord * 64 + 64 - Long.numberOfLeadingZeros(linearized[lastWord]);
      int count = 0;
      for (int word = 0; word <= lastWord; word++) {
        count += Long.bitCount(~linearized[word]);
      }
      count -= lastWord < 0 ? 0 : 64 * (lastWord + 1) - top; // Unset bits above the top.
      int[] found = new int[count];
      int next = 0;
      for (int word = 0; word <= lastWord && next < count; word++) {
        long open = ~linearized[word];
        while (open != 0 && next < count) {
          found[next++] = word * 64 + Long.numberOfTrailingZeros(open);
          open &= open - 1;
        }
      }
      this.holes = found;
      this.state = state;
      this.hash = (31 * top + Arrays.hashCode(found)) * 31 + Objects.hashCode(state);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && key.hash == hash
          && key.top == top
          && Arrays.equals(key.holes, holes)
          && Objects.equals(key.state, state);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
