package faultline.engine;

import faultline.engine.node.DurableStorage;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A node's disk: synced contents plus a page cache of writes not yet synced. */
final class MemoryStorage implements DurableStorage {
  private static final Object DELETED = new Object();

  private final SortedContents synced = new SortedContents();
  private final PendingWrites unsynced = new PendingWrites();

  @Override
  public <V> Optional<V> get(String key, Class<V> type) {
    int pending = unsynced.positionOf(key);
    Object value = pending >= 0 ? unsynced.value(pending) : synced.get(key);
    if (value == null || value == DELETED) {
      return Optional.empty();
    }
    Check.state(
        type.isInstance(value),
        "storage key %s holds a %s, not a %s",
        key,
        value.getClass().getSimpleName(),
        type.getSimpleName());
    return Optional.of(type.cast(value));
  }

  @Override
  public void put(String key, Object value) {
    Check.argument(key != null && value != null, "storage keys and values are not null");
    unsynced.add(key, StoredValues.frozen(key, value));
  }

  @Override
  public void remove(String key) {
    unsynced.add(key, DELETED);
  }

  /** Lays the page cache over the synced contents: each key's latest write replaces, or removes. */
  @Override
  public void sync() {
    for (int i = 0; i < unsynced.size(); i++) {
      Object value = unsynced.value(i);
      if (value == DELETED) {
        synced.remove(unsynced.key(i));
      } else {
        synced.put(unsynced.key(i), value);
      }
    }
    unsynced.clear();
  }

  /** The synced contents (copied in one pass: they are sorted already) with the page cache over. */
  @Override
  public SortedMap<String, Object> snapshot() {
    TreeMap<String, Object> view = new TreeMap<>(synced.view());
    for (int i = 0; i < unsynced.size(); i++) {
      Object value = unsynced.value(i);
      if (value == DELETED) {
        view.remove(unsynced.key(i));
      } else {
        view.put(unsynced.key(i), value);
      }
    }
    return Collections.unmodifiableSortedMap(view);
  }

  /** What a crash that loses unsynced writes would leave: a live, read-only view. */
  SortedMap<String, Object> synced() {
    return synced.view();
  }

  /** A crash: unsynced writes are lost or (the operating system flushed them) kept. */
  int crash(boolean loseUnsyncedWrites) {
    int lost = unsynced.size();
    if (loseUnsyncedWrites) {
      unsynced.clear();
      return lost;
    }
    sync();
    return 0;
  }
}
