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

  static final class CausalLastWriterWins implements Invariant {
    // The ground truth of each write's own event, by (origin, sequence). Only looked up.
    private final LookupMap<String, VectorStamp> writeTruth = new LookupMap<>();
    private final LookupMap<NodeId, Long> lastOrdinal = new LookupMap<>();

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
                + ", which causally follows it: the later write was lost");
      }
    }

    private static String key(Write write) {
      return write.origin() + "#" + write.sequence();
    }
  }
}
