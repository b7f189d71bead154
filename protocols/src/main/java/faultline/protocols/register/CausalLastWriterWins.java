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
 * <p>Memory stays bounded however long the run: a write can be judged again only while a replica
 * keeps it or a copy of it may still be on its way. Copies leave only from the write's origin, at
 * the write's own step, so once the engine's {@link InvariantContext#causalFloor} for the origin
 * has passed that step no copy is pending; such writes are forgotten unless a replica keeps them.
 * Compaction runs when the table has doubled since the last one, so it costs O(1) per write.
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

  /** Small, so that every run of more than a few dozen writes exercises compaction. */
  private static final int COMPACT_SIZE_MIN = 64;

  /** A write's origin and the ground truth of its own event. */
  private record Truth(NodeId origin, VectorStamp stamp) {}

  private final String name;
  private final BiFunction<InvariantContext, NodeId, Decision<W>> decisions;
  private final Function<W, String> identity;
  private final Function<W, String> describe;
  private final String followsWords;
  // By identity. Looked up, and pruned by a rule that judges each write alone.
  private final LookupMap<String, Truth> writeTruth = new LookupMap<>();
  private final LookupMap<NodeId, String> keptBy = new LookupMap<>(); // Each replica's write.
  private final LookupMap<String, Integer> keptCount = new LookupMap<>(); // Replicas keeping it.
  private final LookupMap<NodeId, Long> lastOrdinal = new LookupMap<>();
  private int compactAt = COMPACT_SIZE_MIN;

  private CausalLastWriterWins(
      String name,
      BiFunction<InvariantContext, NodeId, Decision<W>> decisions,
      Function<W, String> identity,
      Function<W, String> describe,
      String followsWords) {
    this.name = name;
    this.decisions = decisions;
    this.identity = identity;
    this.describe = describe;
    this.followsWords = followsWords;
  }

  /**
   * The invariant {@code name} over the replicas of type {@code replicaType}.
   *
   * @param lastDecision a replica's last decision, or null before its first
   * @param identity who wrote a write and its sequence number there: what names it everywhere
   * @param describe a write as a violation names it
   * @param followsWords how a violation says that the lost write causally follows the kept one
   *     (each invariant keeps the words its traces were recorded with)
   */
  public static <N, W> CausalLastWriterWins<W> of(
      String name,
      Class<N> replicaType,
      Function<N, Decision<W>> lastDecision,
      Function<W, String> identity,
      Function<W, String> describe,
      String followsWords) {
    return new CausalLastWriterWins<>(
        name,
        (context, node) -> context.node(node, replicaType).map(lastDecision).orElse(null),
        identity,
        describe,
        followsWords);
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
      writeTruth.put(identity.apply(decision.incoming()), new Truth(node, step.truth()));
    }
    judge(context, node, decision);
    keep(node, identity.apply(decision.kept()));
    if (writeTruth.size() >= compactAt) {
      forgetUnreachable(context); // After judging: the write that just lost may go now.
    }
  }

  private void judge(InvariantContext context, NodeId node, Decision<W> decision) {
    if (decision.lost() == null || decision.kept().equals(decision.incoming())) {
      return;
    }
    Truth kept = writeTruth.get(identity.apply(decision.kept()));
    Truth lost = writeTruth.get(identity.apply(decision.lost()));
    if (kept != null && lost != null && kept.stamp().happenedBefore(lost.stamp())) {
      context.fail(
          node,
          node
              + " kept "
              + describe.apply(decision.kept())
              + " over "
              + describe.apply(decision.lost())
              + ", "
              + followsWords
              + ": the later write was lost");
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
}
