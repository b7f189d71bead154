package faultline.protocols.redlock;

import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.redlock.RedlockMessage.DeleteIfValue;
import faultline.protocols.redlock.RedlockMessage.SetIfAbsent;
import faultline.protocols.redlock.RedlockMessage.SetReply;
import java.util.TreeMap;

/**
 * One independent Redis-like key store, as Redlock uses it: {@code SET key value NX PX ttl} and a
 * compare-and-delete script. Each store expires keys by its own clock ({@link StoreClock}), lazily,
 * when the key is next touched; there is no replication (the Redlock page, "The Redlock algorithm":
 * N masters, "totally independent").
 */
public final class RedisStoreNode implements Node<RedlockMessage, RedlockTimer> {
  /** A key's value and its expiry on the store's clock. */
  private record Entry(String value, long expiresAtNanos) {}

  /** The fields of a {@code store} trace event. */
  record StoreEvent(String command, String key, String value, boolean ok, long expiresAtNanos) {}

  private final StoreClock clock;
  private final boolean deleteWithoutCompare;
  private final TreeMap<String, Entry> keys = new TreeMap<>();

  public RedisStoreNode(RedlockConfig config) {
    this.clock = config.storeClock();
    this.deleteWithoutCompare = config.has(RedlockBug.DELETE_WITHOUT_COMPARE);
  }

  @Override
  public void onStart(NodeContext<RedlockMessage, RedlockTimer> context) {}

  @Override
  public void onMessage(
      NodeContext<RedlockMessage, RedlockTimer> context, NodeId from, RedlockMessage message) {
    switch (message) {
      case SetIfAbsent set -> onSet(context, from, set);
      case DeleteIfValue delete -> onDelete(context, delete);
      case SetReply unused -> {} // Replies are for clients.
    }
  }

  @Override
  public void onTimer(NodeContext<RedlockMessage, RedlockTimer> context, RedlockTimer timer) {}

  private void onSet(
      NodeContext<RedlockMessage, RedlockTimer> context, NodeId from, SetIfAbsent set) {
    long nowNanos = now(context);
    boolean ok = liveValue(set.key(), nowNanos) == null;
    long expiresAtNanos = nowNanos + set.ttlNanos();
    if (ok) {
      keys.put(set.key(), new Entry(set.value(), expiresAtNanos));
    }
    context.record(
        "store", new StoreEvent("set-nx", set.key(), set.value(), ok, ok ? expiresAtNanos : 0));
    context.send(from, new SetReply(set.key(), set.value(), ok, set.attempt()));
  }

  private void onDelete(NodeContext<RedlockMessage, RedlockTimer> context, DeleteIfValue delete) {
    String current = liveValue(delete.key(), now(context));
    boolean ok = current != null && (deleteWithoutCompare || current.equals(delete.value()));
    if (ok) {
      keys.remove(delete.key());
    }
    context.record("store", new StoreEvent("delete-if-value", delete.key(), delete.value(), ok, 0));
  }

  private long now(NodeContext<RedlockMessage, RedlockTimer> context) {
    return clock == StoreClock.WALL ? context.wallClockNanos() : context.monotonicNanos();
  }

  private String liveValue(String key, long nowNanos) {
    Entry entry = keys.get(key);
    if (entry != null && nowNanos >= entry.expiresAtNanos()) {
      keys.remove(key);
      return null;
    }
    return entry == null ? null : entry.value();
  }

  /**
   * The value {@code key} holds when the store's clocks read {@code wallNanos} and {@code
   * monoNanos}, or null when absent or expired. Reads only: for invariants, which may not change a
   * node.
   */
  public String valueAt(String key, long wallNanos, long monoNanos) {
    Entry entry = keys.get(key);
    long nowNanos = clock == StoreClock.WALL ? wallNanos : monoNanos;
    return entry == null || nowNanos >= entry.expiresAtNanos() ? null : entry.value();
  }
}
