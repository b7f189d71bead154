package faultline.engine;

import faultline.engine.lookup.LookupMap;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * A disk's writes not yet synced, in the order they were made: a key written twice is held twice,
 * the later write being the one that counts. Appending is what a node does between syncs (a Raft
 * server writes a few log keys and its term, then syncs), so the writes are kept in two arrays
 * reused from sync to sync instead of a sorted map with an entry per write. A read finds a key's
 * latest write by scanning back; past {@link #SCAN_MAX} writes, by an index built then and kept
 * until the next sync, so a node that writes much without syncing does not read in quadratic time.
 */
final class PendingWrites {
  static final int SCAN_MAX = 16;

  private String[] keys = new String[SCAN_MAX];
  private Object[] values = new Object[SCAN_MAX];
  private int size;
  private LookupMap<String, Integer> latestByKey; // Null until size passes SCAN_MAX.

  int size() {
    return size;
  }

  String key(int position) {
    return keys[position];
  }

  Object value(int position) {
    return values[position];
  }

  void add(String key, Object value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    size++;
    if (latestByKey != null) {
      latestByKey.put(key, size - 1);
    } else if (size > SCAN_MAX) {
      latestByKey = new LookupMap<>();
      for (int i = 0; i < size; i++) {
        latestByKey.put(keys[i], i);
      }
    }
  }

  /** The position of {@code key}'s latest write, or -1 when it has none pending. */
  int latest(String key) {
    if (latestByKey != null) {
      Integer position = latestByKey.get(key);
      return position == null ? -1 : position;
    }
    for (int i = size - 1; i >= 0; i--) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** How many keys the pending writes touch (a key written twice counts once). */
  int distinctKeys() {
    return new TreeSet<>(Arrays.asList(keys).subList(0, size)).size();
  }

  /** Forgets every write; the arrays stay for the next ones, emptied so they hold no values. */
  void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
    latestByKey = null;
  }
}
