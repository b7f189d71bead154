package faultline.protocols.redlock;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.StaleWriteInvariant;
import faultline.protocols.locks.StorageResourceNode;
import faultline.protocols.locks.TimeText;
import java.util.List;

/**
 * What Redlock claims, judged in true time:
 *
 * <ul>
 *   <li>{@value #MUTUAL_EXCLUSION}: at most one client believes it holds the lock at any true
 *       instant (the Redlock page, "Safety property: mutual exclusion"). A client believes so from
 *       the moment it counts a quorum until its validity runs out by its own clock or it releases.
 *       Kleppmann (2016) shows two ways to break it: a store's clock jumping, and a pause.
 *   <li>{@value #NO_EXPIRED_WRITE}: the storage never accepts a write from a client whose lock is
 *       gone: fewer than a quorum of stores stand for it. A store stands for the writer's lock when
 *       it holds the writer's value, unexpired by its own clock: the lock that Redlock really is.
 *       After a restart it also depends on what the store will answer ({@link StoreRestart}): a
 *       store that refuses every SET for its restart delay stands for every lock it may have
 *       forgotten (antirez's "delayed restarts" argument: no other client can count it); a store
 *       that is down stands for what it will come back with: nothing without persistence, its
 *       synced keys with fsync, a refusal with delayed restarts.
 * </ul>
 */
public final class RedlockInvariants {
  public static final String MUTUAL_EXCLUSION = "redlock.mutual-exclusion";
  public static final String NO_EXPIRED_WRITE = "redlock.no-expired-write";

  private RedlockInvariants() {}

  /** Fresh instances, for one run of {@code config}. */
  public static List<Invariant> all(RedlockConfig config) {
    return List.of(new MutualExclusion(), new NoExpiredWrite(config));
  }

  static final class MutualExclusion implements Invariant {
    private final LookupMap<NodeId, Long> seenAcquisitions = new LookupMap<>(); // Looked up only.

    @Override
    public String name() {
      return MUTUAL_EXCLUSION;
    }

    @Override
    public String description() {
      return "At most one client believes it holds the lock at any instant of true time.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      if (context.lastStep().isEmpty()) {
        return;
      }
      NodeId node = context.lastStep().get().node();
      RedlockClientNode client = context.node(node, RedlockClientNode.class).orElse(null);
      if (client == null
          || client.acquisitions() == seenAcquisitions.getOrDefault(node, 0L)
          || !client.holdsAt(context.monotonicNanos(node))) {
        return;
      }
      seenAcquisitions.put(node, client.acquisitions());
      for (NodeId other : context.nodes()) {
        RedlockClientNode rival = context.node(other, RedlockClientNode.class).orElse(null);
        if (other.equals(node) || rival == null || !rival.holdsAt(context.monotonicNanos(other))) {
          continue;
        }
        context.fail(
            node,
            node
                + " acquired the lock (validity until "
                + client.holdUntilText()
                + " by its clock) while "
                + other
                + " still holds it (until "
                + rival.holdUntilText()
                + " by its clock): both believe they hold it at "
                + TimeText.format(context.nowNanos())
                + " true time");
        return;
      }
    }
  }

  static final class NoExpiredWrite extends StaleWriteInvariant {
    private final RedlockConfig config;
    // What each store held under the lock's key when last seen up: with fsync, what it reloads.
    private final LookupMap<NodeId, RedisStoreNode.Entry> lastHeld =
        new LookupMap<>(); // Looked up only.

    NoExpiredWrite(RedlockConfig config) {
      super(
          NO_EXPIRED_WRITE,
          "The storage never accepts a write from a client whose lock is gone: fewer than a quorum"
              + " of stores hold its value unexpired (or, after a restart, will refuse every other"
              + " client).");
      this.config = config;
    }

    @Override
    protected void observe(InvariantContext context) {
      if (context.lastStep().isEmpty()) {
        return;
      }
      NodeId node = context.lastStep().get().node();
      context
          .node(node, RedisStoreNode.class)
          .ifPresent(store -> lastHeld.put(node, store.entry(config.key())));
    }

    @Override
    protected String staleReason(
        InvariantContext context, StorageResourceNode.Decision write, long highestAcceptedBefore) {
      RedlockClientNode writer = context.node(write.writer(), RedlockClientNode.class).orElse(null);
      if (writer == null || writer.value() == null) {
        return "its writer holds no Redlock value";
      }
      int standing = 0;
      for (NodeId store : config.stores()) {
        if (standsFor(context, store, writer.value())) {
          standing++;
        }
      }
      if (standing >= config.quorum()) {
        return null;
      }
      return "its value is live on only "
          + standing
          + " of "
          + config.stores().size()
          + " stores (quorum "
          + config.quorum()
          + (config.storeRestart() == StoreRestart.IMMEDIATE
              ? ""
              : ", counting what a restarted or down store refuses or reloads")
          + ") at "
          + TimeText.format(context.nowNanos())
          + " true time: its lock is gone";
    }

    private boolean standsFor(InvariantContext context, NodeId store, String value) {
      long wallNanos = context.wallClockNanos(store);
      long monoNanos = context.monotonicNanos(store);
      RedisStoreNode up = context.node(store, RedisStoreNode.class).orElse(null);
      if (up != null) {
        return up.refusesEverySetAt(monoNanos)
            || value.equals(up.valueAt(config.key(), wallNanos, monoNanos));
      }
      if (!context.isUp(store) && config.storeRestart() == StoreRestart.DELAYED) {
        return true; // It grants nothing while down, and refuses every SET once back.
      }
      if (!context.isUp(store) && config.storeRestart() == StoreRestart.FSYNC) {
        RedisStoreNode.Entry held = lastHeld.get(store);
        return held != null
            && value.equals(held.value())
            && (config.storeClock() == StoreClock.WALL ? wallNanos : monoNanos)
                < held.expiresAtNanos();
      }
      return false; // Without persistence a down store has forgotten every key.
    }
  }
}
