package faultline.protocols.leases;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupSet;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.LockInvariants;
import faultline.protocols.locks.TimeText;
import java.util.ArrayList;
import java.util.List;

/**
 * Lease-based leader election's promise, {@value #SINGLE_LEADER}: at most one node acts as leader
 * at any instant of true time (the reason to elect one at all). It is checked after every step of a
 * candidate, since a node only starts to act in a step; time passing can only end a belief. The
 * lock service's own invariants ({@link LockInvariants}) apply too.
 */
public final class LeaseInvariants {
  public static final String SINGLE_LEADER = "leases.single-leader";

  private LeaseInvariants() {}

  /** Fresh instances of the election's invariants and the lock service's, for one run. */
  public static List<Invariant> all() {
    List<Invariant> all = new ArrayList<>(LockInvariants.all());
    all.add(new SingleLeader());
    return List.copyOf(all);
  }

  static final class SingleLeader implements Invariant {
    private final LookupSet<String> reported = new LookupSet<>(); // Looked up, never iterated.

    @Override
    public String name() {
      return SINGLE_LEADER;
    }

    @Override
    public String description() {
      return "At most one node acts as leader at any instant of true time.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      if (context.lastStep().isEmpty()
          || context.node(context.lastStep().get().node(), LeaderNode.class).isEmpty()) {
        return;
      }
      List<NodeId> acting = new ArrayList<>();
      for (NodeId id : context.nodes()) {
        LeaderNode node = context.node(id, LeaderNode.class).orElse(null);
        if (node != null
            && node.actsAsLeaderAt(context.monotonicNanos(id), context.wallClockNanos(id))) {
          acting.add(id);
        }
      }
      if (acting.size() < 2) {
        return;
      }
      StringBuilder who = new StringBuilder();
      StringBuilder key = new StringBuilder();
      for (NodeId id : acting) {
        LeaderNode node = context.node(id, LeaderNode.class).orElseThrow();
        who.append(who.isEmpty() ? "" : " and ")
            .append(id)
            .append(" (token ")
            .append(node.token())
            .append(", lease until ")
            .append(node.leaseEndText())
            .append(" by its own clock)");
        key.append(id).append('#').append(node.token()).append(' ');
      }
      if (reported.add(key.toString())) {
        context.fail(
            context.lastStep().get().node(),
            who + " both act as leader at " + TimeText.format(context.nowNanos()) + " true time");
      }
    }
  }
}
