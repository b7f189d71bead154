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

  /** Stores an immutable value (a record, String, Long, or an unmodifiable collection). */
  void put(String key, Object value);

  void remove(String key);

  /** Makes every write so far durable against a crash that loses unsynced writes. */
  void sync();

  /** A read-only snapshot of the current contents, sorted by key. */
  SortedMap<String, Object> snapshot();
}
