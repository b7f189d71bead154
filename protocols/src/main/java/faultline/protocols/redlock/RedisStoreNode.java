package faultline.protocols.redlock;

import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.TimeText;
import faultline.protocols.redlock.RedlockMessage.DeleteIfValue;
import faultline.protocols.redlock.RedlockMessage.SetIfAbsent;
import faultline.protocols.redlock.RedlockMessage.SetReply;
import java.util.TreeMap;

/**
 * One independent Redis-like key store, as Redlock uses it: {@code SET key value NX PX ttl} and a
 * compare-and-delete script. Each store expires keys by its own clock ({@link StoreClock}), lazily,
 * when the key is next touched; there is no replication (the Redlock page, "The Redlock algorithm":
 * N masters, "totally independent").
 *
 * <p>What a restart keeps is {@link StoreRestart}: nothing, answering at once (Redis without
 * fsync); nothing, but refusing every SET after a restart for the TTL plus the clients' drift
 * allowance (the Redlock page's "delayed restarts": "a bit more than the max TTL", judged by the
 * monotonic clock); or every key, synced before each answer and reloaded (fsync on every write).
 * The store knows it restarted from a marker it syncs at its first boot.
 */
public final class RedisStoreNode implements Node<RedlockMessage, RedlockTimer> {
  /** A key's value and its expiry on the store's clock; also what fsync persists. */
  record Entry(String value, long expiresAtNanos) {}

  static final String BOOTED_KEY = "booted";
  static final String KEY_PREFIX = "key/";

  /** The fields of a {@code store} trace event. */
  record StoreEvent(String command, String key, String value, boolean ok, long expiresAtNanos) {}

  private final StoreClock clock;
  private final boolean deleteWithoutCompare;
  private final TreeMap<String, Entry> keys = new TreeMap<>();
  private final StoreRestart restart;
  private final long restartDelayNanos;
  private long refuseUntilMonoNanos = Long.MIN_VALUE;

  public RedisStoreNode(RedlockConfig config) {
    this.clock = config.storeClock();
    this.restart = config.storeRestart();
    // Every key the store may have forgotten was set before the crash, so it has expired by then
    // on a clock that drifts within the allowance the clients themselves assume.
    this.restartDelayNanos = config.ttlNanos() + config.driftAllowanceNanos();
    this.deleteWithoutCompare = config.has(RedlockBug.DELETE_WITHOUT_COMPARE);
  }

  @Override
  public void onStart(NodeContext<RedlockMessage, RedlockTimer> context) {
    boolean restarted = context.storage().get(BOOTED_KEY, Boolean.class).isPresent();
    if (!restarted) {
      context.storage().put(BOOTED_KEY, Boolean.TRUE);
      context.storage().sync();
      return;
    }
    switch (restart) {
      case IMMEDIATE -> context.note("restarted with no keys; answering at once");
      case DELAYED -> {
        refuseUntilMonoNanos = context.monotonicNanos() + restartDelayNanos;
        context.note(
            "restarted with no keys; refusing every SET for "
                + TimeText.format(restartDelayNanos)
                + " (TTL + drift allowance)");
      }
      case FSYNC -> {
        context
            .storage()
            .snapshot()
            .forEach(
                (name, saved) -> {
                  if (name.startsWith(KEY_PREFIX) && saved instanceof Entry entry) {
                    keys.put(name.substring(KEY_PREFIX.length()), entry);
                  }
                });
        context.note("restarted with " + keys.size() + " key(s) reloaded from disk");
      }
    }
  }

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
    boolean refusing = refusesEverySetAt(context.monotonicNanos());
    boolean ok = !refusing && liveValue(set.key(), nowNanos) == null;
    long expiresAtNanos = nowNanos + set.ttlNanos();
    if (ok) {
      Entry entry = new Entry(set.value(), expiresAtNanos);
      keys.put(set.key(), entry);
      persist(context, set.key(), entry);
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
      persist(context, delete.key(), null);
    }
    context.record("store", new StoreEvent("delete-if-value", delete.key(), delete.value(), ok, 0));
  }

  /** With fsync, the key's new state is on disk before the store answers. */
  private void persist(NodeContext<RedlockMessage, RedlockTimer> context, String key, Entry entry) {
    if (restart != StoreRestart.FSYNC) {
      return;
    }
    if (entry == null) {
      context.storage().remove(KEY_PREFIX + key);
    } else {
      context.storage().put(KEY_PREFIX + key, entry);
    }
    context.storage().sync();
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

  /** The entry {@code key} holds in memory, expired or not; null when absent. For invariants. */
  Entry entry(String key) {
    return keys.get(key);
  }

  /** Whether the store refuses every SET when its monotonic clock reads {@code monoNanos}. */
  public boolean refusesEverySetAt(long monoNanos) {
    return monoNanos < refuseUntilMonoNanos;
  }
}
