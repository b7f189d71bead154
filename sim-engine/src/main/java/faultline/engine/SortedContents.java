package faultline.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * A disk's synced contents: keys and values in two arrays kept sorted by key. A disk mostly gains
 * keys near its end (a Raft log's next entry sorts just before its term and vote), and is read near
 * its end (the entries a reply relies on), so keys are found by galloping from the last one: a few
 * comparisons for a key near the end, twice a binary search's at worst. Writing such a key shifts a
 * few slots, where a {@code TreeMap} walked its whole height, made an entry and rebalanced (that
 * insertion was the engine's largest cost outside the trace in a Raft run). A key far from the end
 * costs a shift of the keys after it: a protocol that fills a large disk in random key order would
 * pay for it, which no bundled one does.
 */
final class SortedContents {
  private String[] keys = new String[16];
  private Object[] values = new Object[16];
  private int size;
  private int modifications; // Makes an iteration over a view fail if the contents change under it.
  private final SortedMap<String, Object> view =
      Collections.unmodifiableSortedMap(new RangeView(null, null));

  int size() {
    return size;
  }

  Object get(String key) {
    int position = positionOf(key, 0, size);
    return position >= 0 ? values[position] : null;
  }

  void put(String key, Object value) {
    int position = positionOf(key, 0, size);
    if (position >= 0) {
      values[position] = value;
      return;
    }
    int at = -position - 1;
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    System.arraycopy(keys, at, keys, at + 1, size - at);
    System.arraycopy(values, at, values, at + 1, size - at);
    keys[at] = key;
    values[at] = value;
    size++;
    modifications++;
  }

  void remove(String key) {
    int position = positionOf(key, 0, size);
    if (position < 0) {
      return;
    }
    System.arraycopy(keys, position + 1, keys, position, size - position - 1);
    System.arraycopy(values, position + 1, values, position, size - position - 1);
    size--;
    keys[size] = null;
    values[size] = null;
    modifications++;
  }

  /** A read-only, live view, sorted by key. */
  SortedMap<String, Object> view() {
    return view;
  }

  /**
   * The position of {@code key} in {@code [from, to)}, or {@code -(insertion point) - 1}: the first
   * key tried once, then galloping down from the end (distances 1, 2, 4, ...) to a range that holds
   * it, then a binary search. The first key is a disk's other hot spot: Raft's current term sorts
   * before its log ({@code raft.currentTerm} before {@code raft.log/…}), and a check reads it after
   * every step that sends; from the end it took some thirty comparisons on a 60,000-entry log.
   */
  private int positionOf(String key, int from, int to) {
    if (from < to) {
      int first = keys[from].compareTo(key);
      if (first >= 0) {
        return first == 0 ? from : -from - 1;
      }
    }
    int high = to; // keys[high] > key (or high == to).
    int step = 1;
    while (high > from) {
      int probe = Math.max(from, high - step);
      int order = keys[probe].compareTo(key);
      if (order == 0) {
        return probe;
      }
      if (order < 0) {
        return binarySearch(key, probe + 1, high);
      }
      high = probe;
      step <<= 1;
    }
    return -from - 1;
  }

  /** As {@link Arrays#binarySearch(Object[], int, int, Object)}, on strings. */
  private int binarySearch(String key, int from, int to) {
    int low = from;
    int high = to - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = keys[middle].compareTo(key);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -low - 1;
  }

  /** The first position whose key is at least {@code key}. */
  private int lowerBound(String key) {
    int position = positionOf(key, 0, size);
    return position >= 0 ? position : -position - 1;
  }

  /**
   * The keys from {@code fromKey} (inclusive) to {@code toKey} (exclusive), either null for no
   * bound: the whole contents, or a sub-map of them, read as the contents are at each call.
   */
  private final class RangeView extends AbstractMap<String, Object>
      implements SortedMap<String, Object> {
    private final String fromKey;
    private final String toKey;

    RangeView(String fromKey, String toKey) {
      this.fromKey = fromKey;
      this.toKey = toKey;
    }

    private int start() {
      return fromKey == null ? 0 : lowerBound(fromKey);
    }

    private int end() {
      return toKey == null ? size : Math.max(start(), lowerBound(toKey));
    }

    private boolean inRange(String key) {
      return (fromKey == null || key.compareTo(fromKey) >= 0)
          && (toKey == null || key.compareTo(toKey) < 0);
    }

    private String asKey(Object key) {
      return (String) Objects.requireNonNull(key); // As a TreeMap of strings: NPE, or a CCE.
    }

    @Override
    public Object get(Object key) {
      String text = asKey(key);
      return inRange(text) ? SortedContents.this.get(text) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null; // No value is null.
    }

    @Override
    public int size() {
      return end() - start();
    }

    @Override
    public boolean isEmpty() {
      return size() == 0;
    }

    @Override
    public Comparator<? super String> comparator() {
      return null;
    }

    @Override
    public String firstKey() {
      int start = start();
      if (start >= end()) {
        throw new NoSuchElementException();
      }
      return keys[start];
    }

    @Override
    public String lastKey() {
      int end = end();
      if (end <= start()) {
        throw new NoSuchElementException();
      }
      return keys[end - 1];
    }

    @Override
    public SortedMap<String, Object> subMap(String from, String to) {
      if (asKey(from).compareTo(asKey(to)) > 0) {
        throw new IllegalArgumentException("fromKey > toKey");
      }
      return range(newFromKey(from), newToKey(to));
    }

    @Override
    public SortedMap<String, Object> headMap(String to) {
      return range(fromKey, newToKey(asKey(to)));
    }

    @Override
    public SortedMap<String, Object> tailMap(String from) {
      return range(newFromKey(asKey(from)), toKey);
    }

    /** A new lower bound, inside this range: as a TreeMap's, below the exclusive upper bound. */
    private String newFromKey(String from) {
      if ((fromKey != null && from.compareTo(fromKey) < 0)
          || (toKey != null && from.compareTo(toKey) >= 0)) {
        throw new IllegalArgumentException("fromKey out of range");
      }
      return from;
    }

    /** A new (exclusive) upper bound, inside this range or at its end. */
    private String newToKey(String to) {
      if ((fromKey != null && to.compareTo(fromKey) < 0)
          || (toKey != null && to.compareTo(toKey) > 0)) {
        throw new IllegalArgumentException("toKey out of range");
      }
      return to;
    }

    private SortedMap<String, Object> range(String from, String to) {
      return Collections.unmodifiableSortedMap(new RangeView(from, to));
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return RangeView.this.size();
        }

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private final int expected = modifications;
            private int next = start();
            private final int end = end();

            @Override
            public boolean hasNext() {
              return next < end;
            }

            @Override
            public Map.Entry<String, Object> next() {
              if (modifications != expected) {
                throw new ConcurrentModificationException();
              }
              if (next >= end) {
                throw new NoSuchElementException();
              }
              Map.Entry<String, Object> entry =
                  new AbstractMap.SimpleImmutableEntry<>(keys[next], values[next]);
              next++;
              return entry;
            }
          };
        }
      };
    }
  }
}
