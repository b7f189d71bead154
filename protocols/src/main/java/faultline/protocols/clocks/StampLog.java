package faultline.protocols.clocks;

import faultline.engine.causal.VectorStamp;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pairs each node's stamped events with the engine's ground truth, so that an invariant can compare
 * what the protocol's clocks claim with what really happened before what.
 *
 * <p>For a new event {@code e}, the events of node {@code j} that happened before it are exactly
 * those whose ground-truth step index is at most {@code e}'s vector entry for {@code j}; since a
 * node's own clocks only grow, checking the latest of them is enough (and the earliest and latest
 * of the others, for concurrency). That keeps every check at O(nodes · log events).
 *
 * <p>Memory stays bounded however long the run: when a node's list doubles, the entries that no
 * future step can ask about are forgotten. A future step's question about node {@code j} is bounded
 * below by the engine's {@link InvariantContext#causalFloor} for {@code j}, so only the latest
 * entry at or below that floor, and those after it, can still be an answer.
 */
final class StampLog {
  /**
   * How many entries a node's list holds before it is compacted; small, so that every run longer
   * than a few dozen steps exercises compaction and the bug zoo proves it forgets nothing needed.
   */
  private static final int COMPACT_SIZE_MIN = 64;

  /** A stamped event with its ground truth. */
  record Entry(
      long truthIndex, VectorStamp truth, ClockStamps stamps, long maxPhysicalNanosSoFar) {}

  private final Predicate<ClockStamps> keeps;
  private final LookupMap<NodeId, List<Entry>> byNode =
      new LookupMap<>(); // Looked up, never iterated.
  private final LookupMap<NodeId, Long> lastOrdinal = new LookupMap<>();
  private final LookupMap<NodeId, Integer> compactAt = new LookupMap<>();

  /** A log of the events whose stamps satisfy {@code keeps} (those that carry the clock judged). */
  StampLog(Predicate<ClockStamps> keeps) {
    this.keeps = keeps;
  }

  /**
   * If the step just taken stamped an event, records it and returns it with its node; otherwise
   * empty.
   */
  Optional<New> observe(InvariantContext context) {
    Optional<Step> step = context.lastStep();
    if (step.isEmpty()) {
      return Optional.empty();
    }
    NodeId node = step.get().node();
    Optional<ClockedNode> clocked = context.node(node, ClockedNode.class);
    if (clocked.isEmpty() || clocked.get().lastStampedEvent() == null) {
      return Optional.empty();
    }
    StampedEvent event = clocked.get().lastStampedEvent();
    if (event.ordinal() <= lastOrdinal.getOrDefault(node, 0L)) {
      return Optional.empty(); // This step stamped nothing new.
    }
    lastOrdinal.put(node, event.ordinal());
    if (!keeps.test(event.stamps())) {
      return Optional.empty();
    }
    List<Entry> entries = byNode.computeIfAbsent(node, unused -> new ArrayList<>());
    long maxSoFar = entries.isEmpty() ? Long.MIN_VALUE : entries.getLast().maxPhysicalNanosSoFar();
    Entry entry =
        new Entry(
            step.get().index(),
            step.get().truth(),
            event.stamps(),
            Math.max(maxSoFar, event.stamps().physicalNanos()));
    entries.add(entry);
    if (entries.size() >= compactAt.getOrDefault(node, COMPACT_SIZE_MIN)) {
      forgetUnreachable(entries, context.causalFloor(node));
      compactAt.put(node, Math.max(COMPACT_SIZE_MIN, 2 * entries.size()));
    }
    return Optional.of(new New(node, entry, event));
  }

  /**
   * Drops the entries before the latest one at or below {@code floor}: nothing can ask for them.
   */
  private static void forgetUnreachable(List<Entry> entries, long floor) {
    int keepFrom = lastAtMost(entries, floor);
    if (keepFrom > 0) {
      entries.subList(0, keepFrom).clear();
    }
  }

  /** A newly observed event. */
  record New(NodeId node, Entry entry, StampedEvent event) {}

  /**
   * The latest stamped event of {@code other} that happened before {@code event} (strictly), or
   * null.
   */
  Entry latestBefore(NodeId other, New event) {
    long bound = event.entry().truth().count(other);
    if (other.equals(event.node())) {
      bound = event.entry().truthIndex() - 1;
    }
    List<Entry> entries = byNode.getOrDefault(other, List.of());
    int index = lastAtMost(entries, bound);
    return index < 0 ? null : entries.get(index);
  }

  /**
   * The earliest and latest recorded events of {@code other} that did not happen before {@code
   * event} (so are concurrent with it, having happened already); empty when none.
   */
  List<Entry> concurrentWith(NodeId other, New event) {
    if (other.equals(event.node())) {
      return List.of();
    }
    List<Entry> entries = byNode.getOrDefault(other, List.of());
    int first = lastAtMost(entries, event.entry().truth().count(other)) + 1;
    if (first >= entries.size()) {
      return List.of();
    }
    return first == entries.size() - 1
        ? List.of(entries.get(first))
        : List.of(entries.get(first), entries.getLast());
  }

  private static int lastAtMost(List<Entry> entries, long truthIndex) {
    int low = 0;
    int high = entries.size() - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (entries.get(middle).truthIndex() <= truthIndex) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}
