package faultline.protocols.testing;

import faultline.engine.node.DurableStorage;
import faultline.engine.node.Message;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A hand-driven context for one node of any protocol: records what the node sends and which timers
 * it arms, and gives it a disk that remembers whether every write was synced. Unit tests call the
 * handlers directly and look at the effects, as etcd's paper tests do.
 */
public class HandDrivenContext<M extends Message, T extends TimerTag> implements NodeContext<M, T> {
  public final NodeId self;
  public final List<NodeId> nodes;
  public final FakeStorage storage = new FakeStorage();
  public final List<Sent> sent = new ArrayList<>();
  public final Map<T, Long> timers = new LinkedHashMap<>();
  public final List<Object> states = new ArrayList<>();
  public final List<Object> records = new ArrayList<>();
  public final SimRandom random = new SimRandom(1);
  public long nowNanos;

  public record Sent(NodeId to, Message message, boolean storageSynced) {}

  public HandDrivenContext(String self, List<NodeId> nodes) {
    this.self = NodeId.of(self);
    this.nodes = List.copyOf(nodes);
  }

  /** The messages sent so far, and forgets them. */
  public List<Sent> drain() {
    List<Sent> drained = List.copyOf(sent);
    sent.clear();
    return drained;
  }

  @Override
  public NodeId self() {
    return self;
  }

  @Override
  public List<NodeId> peers() {
    return nodes.stream().filter(node -> !node.equals(self)).toList();
  }

  @Override
  public List<NodeId> nodes() {
    return nodes;
  }

  @Override
  public long wallClockNanos() {
    return nowNanos;
  }

  @Override
  public long monotonicNanos() {
    return nowNanos;
  }

  @Override
  public SimRandom random() {
    return random;
  }

  @Override
  public DurableStorage storage() {
    return storage;
  }

  @Override
  public void send(NodeId to, M message) {
    sent.add(new Sent(to, message, storage.unsynced == 0));
  }

  @Override
  public void setTimer(T timer, long delayNanos) {
    timers.put(timer, delayNanos);
  }

  @Override
  public void cancelTimer(T timer) {
    timers.remove(timer);
  }

  @Override
  public void recordState(Object state) {
    states.add(state);
  }

  @Override
  public void record(String type, Object fields) {
    records.add(fields);
  }

  @Override
  public void note(String text) {}

  @Override
  public void count(String name, long delta) {}

  @Override
  public void recordMax(String name, long value) {}

  /** A disk that counts writes since the last sync, and can lose them as a crash would. */
  public static final class FakeStorage implements DurableStorage {
    public final TreeMap<String, Object> values = new TreeMap<>();
    private final TreeMap<String, Object> synced = new TreeMap<>();
    public int unsynced;

    /** A crash that loses every write since the last sync. */
    public void loseUnsyncedWrites() {
      values.clear();
      values.putAll(synced);
      unsynced = 0;
    }

    @Override
    public <V> Optional<V> get(String key, Class<V> type) {
      return Optional.ofNullable(values.get(key)).map(type::cast);
    }

    @Override
    public void put(String key, Object value) {
      values.put(key, value);
      unsynced++;
    }

    @Override
    public void remove(String key) {
      values.remove(key);
      unsynced++;
    }

    @Override
    public void sync() {
      unsynced = 0;
      synced.clear();
      synced.putAll(values);
    }

    @Override
    public SortedMap<String, Object> snapshot() {
      return Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }
  }
}
