package faultline.protocols.paxos;

import faultline.engine.node.DurableStorage;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A disk for tests of what an acceptor stores: a sorted map, every write durable at once. */
final class MemoryDisk implements DurableStorage {
  private final TreeMap<String, Object> values = new TreeMap<>();

  @Override
  public <V> Optional<V> get(String key, Class<V> type) {
    return Optional.ofNullable(values.get(key)).map(type::cast);
  }

  @Override
  public void put(String key, Object value) {
    values.put(key, value);
  }

  @Override
  public void remove(String key) {
    values.remove(key);
  }

  @Override
  public void sync() {}

  @Override
  public SortedMap<String, Object> snapshot() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }
}
