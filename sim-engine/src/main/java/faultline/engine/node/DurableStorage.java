package faultline.engine.node;

import java.util.Optional;
import java.util.SortedMap;

/**
 * A node's disk: a sorted map from key to an immutable value that survives crashes.
 *
 * <p>Writes go to a page cache first; {@link #sync()} makes them durable. A crash keeps unsynced
 * writes unless the crash fault says {@code loseUnsyncedWrites}, which models a power failure
 * before the operating system flushed its buffers. A protocol that must persist before it answers
 * (Raft's currentTerm, votedFor and log) calls {@code sync()} in the same handler.
 */
public interface DurableStorage {
  <V> Optional<V> get(String key, Class<V> type);

  /**
   * Stores {@code value} as it is now: collections are copied into unmodifiable ones, deeply, and
   * records holding them rebuilt around the copies, so that changing a value after {@code put}
   * never changes the disk. Strings, numbers, enums, records and classes whose fields are all final
   * are kept; an array, or a class with a field that is not final, is refused.
   */
  void put(String key, Object value);

  void remove(String key);

  /** Makes every write so far durable against a crash that loses unsynced writes. */
  void sync();

  /** A read-only snapshot of the current contents, sorted by key. */
  SortedMap<String, Object> snapshot();
}
