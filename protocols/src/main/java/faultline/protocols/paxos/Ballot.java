package faultline.protocols.paxos;

import com.fasterxml.jackson.annotation.JsonValue;
import faultline.engine.node.NodeId;
import java.util.Comparator;

/**
 * A proposal number (Lamport, "Paxos Made Simple", 2001, §2.2: "different proposals have different
 * numbers"; §3 suggests each proposer draw from its own disjoint set). A ballot is a round and the
 * node that owns it, ordered by round, then by node: two proposers never share one, and each can
 * always find a ballot above any it has seen. {@link #NONE} is below every real ballot.
 *
 * @param round the round, from 1 for real ballots
 * @param node the proposer that owns the ballot; null only in {@link #NONE}
 */
public record Ballot(long round, NodeId node) implements Comparable<Ballot> {
  /** Below every ballot a proposer can issue: "no promise yet", "nothing accepted". */
  public static final Ballot NONE = new Ballot(0, null);

  private static final Comparator<Ballot> ORDER =
      Comparator.comparingLong(Ballot::round)
          .thenComparing(Ballot::node, Comparator.nullsFirst(Comparator.naturalOrder()));

  public Ballot {
    if (round < 0 || (round == 0) != (node == null)) {
      throw new IllegalArgumentException("a ballot is round 0 with no node, or round >= 1");
    }
  }

  public static Ballot of(long round, NodeId node) {
    return new Ballot(round, node);
  }

  @Override
  public int compareTo(Ballot other) {
    return ORDER.compare(this, other);
  }

  public boolean isAbove(Ballot other) {
    return compareTo(other) > 0;
  }

  public boolean isBelow(Ballot other) {
    return compareTo(other) < 0;
  }

  public static Ballot max(Ballot a, Ballot b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** {@code 3.n1} for round 3 of n1; {@code 0} for {@link #NONE}. The trace writes this. */
  @JsonValue
  public String describe() {
    return node == null ? "0" : round + "." + node.name();
  }

  @Override
  public String toString() {
    return describe();
  }
}
