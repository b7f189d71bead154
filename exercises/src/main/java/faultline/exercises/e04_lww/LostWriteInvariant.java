package faultline.exercises.e04_lww;

import faultline.engine.causal.VectorStamp;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import java.util.Optional;

/**
 * {@value #NAME}: no replica keeps a write over a write that causally follows it. Judged with the
 * simulator's ground truth (the true happens-before relation of the two writes' events), never with
 * the replicas' own clocks, so it catches any stamping that breaks causal order. The register
 * protocol's {@code register.causal-lww} states the same for {@code lww-register}.
 */
final class LostWriteInvariant implements Invariant {
  static final String NAME = "exercise.lww-keeps-causal-successor";

  // The ground truth of each write's own event, by origin and sequence. Only looked up.
  private final LookupMap<String, VectorStamp> writeTruth = new LookupMap<>();
  private final LookupMap<NodeId, Long> lastOrdinal = new LookupMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "No replica keeps a write over another write that causally follows it (the later write"
        + " must win).";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    Optional<Step> step = context.lastStep();
    if (step.isEmpty()) {
      return;
    }
    NodeId node = step.get().node();
    Optional<LwwNode> replica = context.node(node, LwwNode.class);
    if (replica.isEmpty() || replica.get().lastDecision() == null) {
      return;
    }
    LwwNode.Decision decision = replica.get().lastDecision();
    if (decision.ordinal() <= lastOrdinal.getOrDefault(node, 0L)) {
      return;
    }
    lastOrdinal.put(node, decision.ordinal());
    if (decision.localWrite()) {
      writeTruth.put(key(decision.incoming()), step.get().truth());
    }
    if (decision.lost() == null || decision.kept().equals(decision.incoming())) {
      return;
    }
    VectorStamp kept = writeTruth.get(key(decision.kept()));
    VectorStamp lost = writeTruth.get(key(decision.lost()));
    if (kept != null && lost != null && kept.happenedBefore(lost)) {
      context.fail(
          node,
          node
              + " kept "
              + decision.kept().describe()
              + " over "
              + decision.lost().describe()
              + ", which was written after it (causally): the later write was lost");
    }
  }

  private static String key(Write write) {
    return write.origin() + "#" + write.sequence();
  }
}
