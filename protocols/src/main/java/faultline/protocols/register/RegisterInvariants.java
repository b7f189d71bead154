package faultline.protocols.register;

import faultline.engine.causal.VectorStamp;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * The register's own safety property, {@value #CAUSAL_LWW}: no replica keeps a write over a later
 * write that causally follows it. Wall-clock last-writer-wins breaks it as soon as a writer's clock
 * runs ahead of the causal order; Lamport and hybrid clocks never do. Judged with the engine's
 * ground truth, not with the protocol's own vector clocks.
 */
public final class RegisterInvariants {
  public static final String CAUSAL_LWW = "register.causal-lww";

  private RegisterInvariants() {}

  public static List<Invariant> all() {
    return List.of(new CausalLastWriterWins());
  }

  /**
   * Memory stays bounded however long the run: a write can be judged again only while a replica
   * keeps it or a copy of it may still be on its way. Copies leave only from the write's origin, at
   * the write's own step, so once the engine's {@link InvariantContext#causalFloor} for the origin
   * has passed that step no copy is pending; such writes are forgotten unless a replica keeps them.
   * Compaction runs when the table has doubled since the last one, so it costs O(1) per write.
   */
  static final class CausalLastWriterWins implements Invariant {
    /** Small, so that every run of more than a few dozen writes exercises compaction. */
    private static final int COMPACT_SIZE_MIN = 64;

    /** A write's origin and the ground truth of its own event. */
    private record Truth(NodeId origin, VectorStamp stamp) {}

    // By (origin, sequence). Looked up, and pruned by a rule that judges each write alone.
    private final LookupMap<String, Truth> writeTruth = new LookupMap<>();
    private final LookupMap<NodeId, String> keptBy = new LookupMap<>(); // Each replica's write.
    private final LookupMap<String, Integer> keptCount = new LookupMap<>(); // Replicas keeping it.
    private final LookupMap<NodeId, Long> lastOrdinal = new LookupMap<>();
    private int compactAt = COMPACT_SIZE_MIN;

    @Override
    public String name() {
      return CAUSAL_LWW;
    }

    @Override
    public String description() {
      return "No replica keeps a write over another write that causally follows it (the later"
          + " write must win).";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      Optional<Step> step = context.lastStep();
      if (step.isEmpty()) {
        return;
      }
      NodeId node = step.get().node();
      Optional<RegisterNode> replica = context.node(node, RegisterNode.class);
      if (replica.isEmpty() || replica.get().lastDecision() == null) {
        return;
      }
      RegisterNode.Decision decision = replica.get().lastDecision();
      if (decision.ordinal() <= lastOrdinal.getOrDefault(node, 0L)) {
        return;
      }
      lastOrdinal.put(node, decision.ordinal());
      if (decision.localWrite()) {
        writeTruth.put(key(decision.incoming()), new Truth(node, step.get().truth()));
      }
      judge(context, node, decision);
      keep(node, key(decision.kept()));
      if (writeTruth.size() >= compactAt) {
        forgetUnreachable(context); // After judging: the write that just lost may go now.
      }
    }

    private void judge(InvariantContext context, NodeId node, RegisterNode.Decision decision) {
      if (decision.lost() == null || decision.kept().equals(decision.incoming())) {
        return;
      }
      Truth kept = writeTruth.get(key(decision.kept()));
      Truth lost = writeTruth.get(key(decision.lost()));
      if (kept != null && lost != null && kept.stamp().happenedBefore(lost.stamp())) {
        context.fail(
            node,
            node
                + " kept "
                + decision.kept().describe()
                + " over "
                + decision.lost().describe()
                + ", which causally follows it: the later write was lost");
      }
    }

    /** Records that {@code node} now keeps {@code write}, and no longer what it kept before. */
    private void keep(NodeId node, String write) {
      String before = keptBy.put(node, write);
      if (write.equals(before)) {
        return;
      }
      keptCount.merge(write, 1, Integer::sum);
      if (before != null) {
        keptCount.merge(before, -1, (count, minus) -> count + minus == 0 ? null : count + minus);
      }
    }

    /** Forgets the writes no replica keeps and no pending message can still carry. */
    private void forgetUnreachable(InvariantContext context) {
      LookupMap<NodeId, Long> floors = new LookupMap<>();
      writeTruth.removeIf(
          (write, truth) -> {
            long floor = floors.computeIfAbsent(truth.origin(), context::causalFloor);
            return truth.stamp().count(truth.origin()) < floor && !keptCount.containsKey(write);
          });
      compactAt = Math.max(COMPACT_SIZE_MIN, 2 * writeTruth.size());
    }

    private static String key(Write write) {
      return write.origin() + "#" + write.sequence();
    }
  }
}
