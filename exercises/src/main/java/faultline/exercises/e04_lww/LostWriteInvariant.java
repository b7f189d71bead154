package faultline.exercises.e04_lww;

import faultline.engine.check.Invariant;
import faultline.protocols.register.CausalLastWriterWins;

/**
 * {@value #NAME}: no replica keeps a write over a write that causally follows it, judged with the
 * simulator's ground truth, never with the replicas' own clocks, so it catches any stamping that
 * breaks causal order. The register protocol's check ({@link CausalLastWriterWins}), read from your
 * {@link LwwNode}'s decisions.
 */
final class LostWriteInvariant {
  static final String NAME = "exercise.lww-keeps-causal-successor";

  private LostWriteInvariant() {}

  /** A fresh invariant: it remembers every write it has seen, so each run needs its own. */
  static Invariant create() {
    return CausalLastWriterWins.of(
        NAME,
        LwwNode.class,
        LostWriteInvariant::decisionOf,
        write -> write.origin() + "#" + write.sequence(),
        Write::describe,
        "which was written after it (causally)");
  }

  private static CausalLastWriterWins.Decision<Write> decisionOf(LwwNode replica) {
    LwwNode.Decision decision = replica.lastDecision();
    return decision == null
        ? null
        : new CausalLastWriterWins.Decision<>(
            decision.ordinal(),
            decision.localWrite(),
            decision.incoming(),
            decision.kept(),
            decision.lost());
  }
}
