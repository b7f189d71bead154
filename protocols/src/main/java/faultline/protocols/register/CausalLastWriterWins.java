package faultline.protocols.register;

import faultline.engine.causal.VectorStamp;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * No replica of a last-writer-wins register keeps a write over a later write that causally follows
 * it. Judged with the engine's ground truth (the true happens-before relation of the two writes'
 * own events), never with the replicas' clocks, so it catches any stamping that breaks causal
 * order. One class for every register that reports its decisions as {@link Decision}s: the {@code
 * lww-register} protocol's {@value RegisterInvariants#CAUSAL_LWW} and exercise 4's invariant.
 *
 * @param <W> the register's write
 */
public final class CausalLastWriterWins<W> implements Invariant {
  /**
   * What a replica decided in one step: {@code incoming} arrived (written here if {@code
   * localWrite}), {@code kept} is what it holds now, {@code lost} what it dropped, if anything.
   * {@code ordinal} counts the replica's decisions, so that one is judged once.
   */
  public record Decision<W>(long ordinal, boolean localWrite, W incoming, W kept, W lost) {}

  private final String name;
  private final BiFunction<InvariantContext, NodeId, Decision<W>> decisions;
  private final Function<W, String> identity;
  private final Function<W, String> describe;
  // The ground truth of each write's own event, by identity. Only looked up.
  private final LookupMap<String, VectorStamp> writeTruth = new LookupMap<>();
  private final LookupMap<NodeId, Long> lastOrdinal = new LookupMap<>();

  private CausalLastWriterWins(
      String name,
      BiFunction<InvariantContext, NodeId, Decision<W>> decisions,
      Function<W, String> identity,
      Function<W, String> describe) {
    this.name = name;
    this.decisions = decisions;
    this.identity = identity;
    this.describe = describe;
  }

  /**
   * The invariant {@code name} over the replicas of type {@code replicaType}.
   *
   * @param lastDecision a replica's last decision, or null before its first
   * @param identity who wrote a write and its sequence number there: what names it everywhere
   * @param describe a write as a violation names it
   */
  public static <N, W> CausalLastWriterWins<W> of(
      String name,
      Class<N> replicaType,
      Function<N, Decision<W>> lastDecision,
      Function<W, String> identity,
      Function<W, String> describe) {
    return new CausalLastWriterWins<>(
        name,
        (context, node) -> context.node(node, replicaType).map(lastDecision).orElse(null),
        identity,
        describe);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "No replica keeps a write over another write that causally follows it (the later"
        + " write must win).";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null) {
      return;
    }
    NodeId node = step.node();
    Decision<W> decision = decisions.apply(context, node);
    if (decision == null || decision.ordinal() <= lastOrdinal.getOrDefault(node, 0L)) {
      return;
    }
    lastOrdinal.put(node, decision.ordinal());
    if (decision.localWrite()) {
      writeTruth.put(identity.apply(decision.incoming()), step.truth());
    }
    if (decision.lost() == null || decision.kept().equals(decision.incoming())) {
      return;
    }
    VectorStamp kept = writeTruth.get(identity.apply(decision.kept()));
    VectorStamp lost = writeTruth.get(identity.apply(decision.lost()));
    if (kept != null && lost != null && kept.happenedBefore(lost)) {
      context.fail(
          node,
          node
              + " kept "
              + describe.apply(decision.kept())
              + " over "
              + describe.apply(decision.lost())
              + ", which causally follows it: the later write was lost");
    }
  }
}
