package faultline.engine;

import faultline.engine.lookup.LookupMap;
import java.util.Arrays;

/**
 * A disk's writes not yet synced: each key once, in the order it was first written, with its latest
 * value (a later write of a key replaces its value in place: a sync then leaves what applying every
 * write in order would, and a node that rewrites one key without syncing holds one slot, not one
 * per write). Appending is what a node does between syncs (a Raft server writes a few log keys and
 * its term, then syncs), so the writes are kept in two arrays reused from sync to sync instead of a
 * sorted map with an entry per write. A key is found by scanning, its cached hash code compared
 * first; past {@link #SCAN_MAX} keys, by an index built then and kept until the next sync, so a
 * node that writes many keys without syncing does not write in quadratic time.
 */
final class PendingWrites {
  static final int SCAN_MAX = 16;

  private String[] keys = new String[SCAN_MAX];
  private Object[] values = new Object[SCAN_MAX];
  private int size;
  private LookupMap<String, Integer> positionByKey; // Null until size passes SCAN_MAX.

  /** How many keys have a write pending. */
  int size() {
    return size;
  }

  String key(int position) {
    return keys[position];
  }

  Object value(int position) {
    return values[position];
  }

  /** The write of {@code value} to {@code key}: its latest pending value from now on. */
  void add(String key, Object value) {
    int pending = positionOf(key);
    if (pending >= 0) {
      values[pending] = value;
      return;
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    size++;
    if (positionByKey != null) {
      positionByKey.put(key, size - 1);
    } else if (size > SCAN_MAX) {
      positionByKey = new LookupMap<>();
      for (int i = 0; i < size; i++) {
        positionByKey.put(keys[i], i);
      }
    }
  }

  /** The position of {@code key}'s pending write, or -1 when it has none. */
  int positionOf(String key) {
    if (positionByKey != null) {
      Integer position = positionByKey.get(key);
      return position == null ? -1 : position;
    }
    int hash = key.hashCode();
    for (int i = size - 1; i >= 0; i--) {
      if (keys[i].hashCode() == hash && keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Forgets every write; the arrays stay for the next ones, emptied so they hold no values. */
  void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
    positionByKey = null;
  }
}
