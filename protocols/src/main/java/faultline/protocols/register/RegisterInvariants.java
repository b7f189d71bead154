package faultline.protocols.register;

import faultline.engine.check.Invariant;
import java.util.List;

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
    return List.of(
        CausalLastWriterWins.of(
            CAUSAL_LWW,
            RegisterNode.class,
            RegisterNode::lastDecision,
            write -> write.origin() + "#" + write.sequence(),
            Write::describe,
            "which causally follows it"));
  }
}
