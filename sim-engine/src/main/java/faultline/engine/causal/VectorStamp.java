package faultline.engine.causal;

import faultline.engine.node.NodeId;
import java.util.Arrays;
import java.util.List;

/**
 * The engine's ground-truth vector clock of one node step: entry {@code i} counts the steps of node
 * {@code i} in the step's causal past, the step itself included. Built from every send and delivery
 * the engine performed, so protocol clocks can be checked against it.
 */
public final class VectorStamp {
  private final List<NodeId> nodes;
  private final long[] counts;

  VectorStamp(List<NodeId> nodes, long[] counts) {
    this.nodes = nodes;
    this.counts = counts;
  }

  /** How many steps of {@code node} this step knows of (happened before it, or is it). */
  public long count(NodeId node) {
    int index = nodes.indexOf(node);
    return index < 0 ? 0 : counts[index];
  }

  public long count(int nodeIndex) {
    return counts[nodeIndex];
  }

  public int size() {
    return counts.length;
  }

  /** The node order of the entries (the run's sorted node list). */
  public List<NodeId> nodes() {
    return nodes;
  }

  /** True when this step happened before {@code other} (and is not the same step). */
  public boolean happenedBefore(VectorStamp other) {
    boolean strictlyLess = false;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > other.counts[i]) {
        return false;
      }
      strictlyLess |= counts[i] < other.counts[i];
    }
    return strictlyLess;
  }

  public boolean isConcurrentWith(VectorStamp other) {
    return !happenedBefore(other) && !other.happenedBefore(this) && !equals(other);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VectorStamp stamp && Arrays.equals(counts, stamp.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        text.append(text.length() > 1 ? ", " : "")
            .append(nodes.get(i))
            .append('=')
            .append(counts[i]);
      }
    }
    return text.append('}').toString();
  }
}
