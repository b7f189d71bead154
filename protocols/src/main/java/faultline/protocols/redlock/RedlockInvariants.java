package faultline.protocols.redlock;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.StaleWriteInvariant;
import faultline.protocols.locks.StorageResourceNode;
import faultline.protocols.locks.TimeText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Redlock claims, judged in true time:
 *
 * <ul>
 *   <li>{@value #MUTUAL_EXCLUSION}: at most one client believes it holds the lock at any true
 *       instant (the Redlock page, "Safety property: mutual exclusion"). A client believes so from
 *       the moment it counts a quorum until its validity runs out by its own clock or it releases.
 *       Kleppmann (2016) shows two ways to break it: a store's clock jumping, and a pause.
 *   <li>{@value #NO_EXPIRED_WRITE}: the storage never accepts a write from a client whose value no
 *       longer sits on a quorum of stores, unexpired by each store's own clock: the lock that
 *       Redlock really is.
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
    private final Map<NodeId, Long> seenAcquisitions = new HashMap<>(); // Looked up only.

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

    NoExpiredWrite(RedlockConfig config) {
      super(
          NO_EXPIRED_WRITE,
          "The storage never accepts a write from a client whose value no longer sits, unexpired,"
              + " on a quorum of stores.");
      this.config = config;
    }

    @Override
    protected void observe(InvariantContext context) {}

    @Override
    protected String staleReason(
        InvariantContext context, StorageResourceNode.Decision write, long highestAcceptedBefore) {
      RedlockClientNode writer = context.node(write.writer(), RedlockClientNode.class).orElse(null);
      if (writer == null || writer.value() == null) {
        return "its writer holds no Redlock value";
      }
      int live = 0;
      for (NodeId store : config.stores()) {
        String value =
            context
                .node(store, RedisStoreNode.class)
                .map(
                    node ->
                        node.valueAt(
                            config.key(),
                            context.wallClockNanos(store),
                            context.monotonicNanos(store)))
                .orElse(null);
        if (writer.value().equals(value)) {
          live++;
        }
      }
      if (live >= config.quorum()) {
        return null;
      }
      return "its value is live on only "
          + live
          + " of "
          + config.stores().size()
          + " stores (quorum "
          + config.quorum()
          + ") at "
          + TimeText.format(context.nowNanos())
          + " true time: its lock is gone";
    }
  }
}
