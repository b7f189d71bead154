package faultline.protocols.clocks;

import com.fasterxml.jackson.annotation.JsonValue;
import faultline.engine.Check;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A vector clock: Fidge, "Timestamps in Message-Passing Systems That Preserve the Partial Ordering"
 * (ACSC 1988), and Mattern, "Virtual Time and Global States of Distributed Systems" (1989).
 *
 * <p>Entry {@code n} counts the events of node {@code n} that the owner has heard of. A node ticks
 * its own entry at each event ({@link #tick}) and, on receipt, first takes the pointwise maximum
 * with the message's clock ({@link #receive}). Unlike a {@link LamportClock}, the comparison is
 * exact: e happened before f if and only if V(e) &lt; V(f) pointwise, and two events are concurrent
 * if and only if their clocks are incomparable ({@link #compare}).
 *
 * <p>Nodes are named by strings (such as {@code "n1"}) so that the set of nodes need not be known
 * in advance. A missing entry means 0, and zero entries are never stored, so that {@code {n1=0}}
 * and {@code {}} are the same value with the same hash code. Entries are kept sorted by node name,
 * so that iteration and {@link #toString} are deterministic. Values are immutable.
 */
public final class VectorClock {
  private static final VectorClock EMPTY = new VectorClock(new TreeMap<>());

  // Sorted by node name, no zero entries, and never modified after construction.
  private final SortedMap<String, Long> counters;

  private VectorClock(TreeMap<String, Long> counters) {
    this.counters = Collections.unmodifiableSortedMap(counters);
  }

  /** The clock of a node that has heard of no event at all. */
  public static VectorClock empty() {
    return EMPTY;
  }

  /** A clock with the given counters (copied); zero counters are dropped, negative ones refused. */
  public static VectorClock of(Map<String, Long> counters) {
    // Copying into a TreeMap gives the same result whatever order the caller's map iterates in.
    TreeMap<String, Long> copy = new TreeMap<>();
    for (Map.Entry<String, Long> entry : counters.entrySet()) {
      String node = entry.getKey();
      Long counter = entry.getValue();
      Check.argument(node != null && !node.isEmpty(), "a node name is required: %s", counters);
      Check.argument(counter != null && counter >= 0, "bad counter for %s: %s", node, counter);
      if (counter > 0) {
        copy.put(node, counter);
      }
    }
    return new VectorClock(copy);
  }

  /** How many events of {@code node} this clock has heard of; 0 when it has no entry. */
  public long get(String node) {
    return counters.getOrDefault(node, 0L);
  }

  /** The clock after one more event at {@code node}. */
  public VectorClock tick(String node) {
    Check.argument(node != null && !node.isEmpty(), "a node name is required");
    long counter = get(node);
    Check.state(counter < Long.MAX_VALUE, "vector clock overflow at %s in %s", node, this);
    TreeMap<String, Long> copy = new TreeMap<>(counters);
    copy.put(node, counter + 1);
    return new VectorClock(copy);
  }

  /** The pointwise maximum: the least clock that has heard of everything either has. */
  public VectorClock merge(VectorClock other) {
    TreeMap<String, Long> copy = new TreeMap<>(counters);
    other.counters.forEach((node, counter) -> copy.merge(node, counter, Math::max));
    return new VectorClock(copy);
  }

  /** The clock of {@code self} after receiving a message stamped {@code remote}. */
  public VectorClock receive(String self, VectorClock remote) {
    return merge(remote).tick(self);
  }

  /** How this clock's event relates to {@code other}'s under happened-before. */
  public CausalOrder compare(VectorClock other) {
    boolean someEntryLess = false;
    boolean someEntryGreater = false;
    // Missing entries are 0, so every node in either clock must be compared.
    TreeSet<String> nodes = new TreeSet<>(counters.keySet());
    nodes.addAll(other.counters.keySet());
    for (String node : nodes) {
      long mine = get(node);
      long theirs = other.get(node);
      someEntryLess |= mine < theirs;
      someEntryGreater |= mine > theirs;
    }
    if (someEntryLess && someEntryGreater) {
      return CausalOrder.CONCURRENT;
    }
    if (someEntryLess) {
      return CausalOrder.BEFORE;
    }
    return someEntryGreater ? CausalOrder.AFTER : CausalOrder.EQUAL;
  }

  /** True when this clock's event happened before {@code other}'s (and is not the same clock). */
  public boolean happenedBefore(VectorClock other) {
    return compare(other) == CausalOrder.BEFORE;
  }

  /** True when neither clock's event happened before the other's and they differ. */
  public boolean isConcurrentWith(VectorClock other) {
    return compare(other) == CausalOrder.CONCURRENT;
  }

  /** The non-zero counters, sorted by node name, as an unmodifiable view. */
  @JsonValue // Traces show a vector clock as its sorted entries: {"n1":2,"n3":1}.
  public SortedMap<String, Long> entries() {
    return counters;
  }

  @Override
  public boolean equals(Object other) {
    // Zero entries are never stored, so map equality is equality of the clocks.
    return other instanceof VectorClock clock && counters.equals(clock.counters);
  }

  @Override
  public int hashCode() {
    return counters.hashCode();
  }

  /** For example {@code {n1=2, n3=1}}; the empty clock is {@code {}}. */
  @Override
  public String toString() {
    return counters.toString();
  }
}
