package faultline.protocols.swim;

import faultline.engine.node.DurableStorage;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
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
 * A hand-driven context for one SWIM member: records what it sends, which timers it arms and what
 * it counts, and gives it a disk. Tests call the handlers directly and look at the effects, as
 * etcd's paper tests do.
 */
final class SwimContext implements NodeContext<SwimMessage, SwimTimer> {
  final NodeId self;
  final List<NodeId> nodes;
  final List<Sent> sent = new ArrayList<>();
  final Map<SwimTimer, Long> timers = new LinkedHashMap<>();
  final Map<String, Long> counts = new TreeMap<>();
  final TreeMap<String, Object> disk = new TreeMap<>();
  final SimRandom random = new SimRandom(7);
  long nowNanos;

  record Sent(NodeId to, SwimMessage message) {}

  SwimContext(NodeId self, List<NodeId> nodes) {
    this.self = self;
    this.nodes = List.copyOf(nodes);
  }

  /** The messages sent so far, and forgets them. */
  List<Sent> drain() {
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
    return new DurableStorage() {
      @Override
      public <V> Optional<V> get(String key, Class<V> type) {
        return Optional.ofNullable(disk.get(key)).map(type::cast);
      }

      @Override
      public void put(String key, Object value) {
        disk.put(key, value);
      }

      @Override
      public void remove(String key) {
        disk.remove(key);
      }

      @Override
      public void sync() {}

      @Override
      public SortedMap<String, Object> snapshot() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(disk));
      }
    };
  }

  @Override
  public void send(NodeId to, SwimMessage message) {
    sent.add(new Sent(to, message));
  }

  @Override
  public void setTimer(SwimTimer timer, long delayNanos) {
    timers.put(timer, delayNanos);
  }

  @Override
  public void cancelTimer(SwimTimer timer) {
    timers.remove(timer);
  }

  @Override
  public void recordState(Object state) {}

  @Override
  public void record(String type, Object fields) {}

  @Override
  public void note(String text) {}

  @Override
  public void count(String name, long delta) {
    counts.merge(name, delta, Long::sum);
  }

  @Override
  public void recordMax(String name, long value) {
    counts.merge(name, value, Math::max);
  }
}
