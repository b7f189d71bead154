package faultline.engine.causal;

import faultline.engine.node.NodeId;
import java.util.List;

/**
 * The engine's ground-truth vector clock of one node step: entry {@code i} counts the steps of node
 * {@code i} in the step's causal past, the step itself included. Built from every send and delivery
 * the engine performed, so protocol clocks can be checked against it.
 */
public final class VectorStamp {
  private final List<NodeId> nodes;
  // The counts, as ints while every count of the run fits one (half the memory: the engine makes
  // a stamp for every step), else as longs; exactly one of the two is set.
  private final int[] narrowCounts;
  private final long[] wideCounts;

  /** A stamp of {@code counts}, copied; {@code narrow} when every count fits an int. */
  VectorStamp(List<NodeId> nodes, long[] counts, boolean narrow) {
    this.nodes = nodes;
    if (narrow) {
      narrowCounts = new int[counts.length];
      for (int i = 0; i < counts.length; i++) {
        narrowCounts[i] = (int) counts[i];
      }
      wideCounts = null;
    } else {
      narrowCounts = null;
      wideCounts = counts.clone();
    }
  }

  /** How many steps of {@code node} this step knows of (happened before it, or is it). */
  public long count(NodeId node) {
    int index = nodes.indexOf(node);
    return index < 0 ? 0 : count(index);
  }

  public long count(int nodeIndex) {
    return narrowCounts != null ? narrowCounts[nodeIndex] : wideCounts[nodeIndex];
  }

  public int size() {
    return nodes.size();
  }

  /** The node order of the entries (the run's sorted node list). */
  public List<NodeId> nodes() {
    return nodes;
  }

  /** True when this step happened before {@code other} (and is not the same step). */
  public boolean happenedBefore(VectorStamp other) {
    boolean strictlyLess = false;
    for (int i = 0; i < size(); i++) {
      long mine = count(i);
      long theirs = other.count(i);
      if (mine > theirs) {
        return false;
      }
      strictlyLess |= mine < theirs;
    }
    return strictlyLess;
  }

  public boolean isConcurrentWith(VectorStamp other) {
    return !happenedBefore(other) && !other.happenedBefore(this) && !equals(other);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof VectorStamp stamp) || stamp.size() != size()) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      if (count(i) != stamp.count(i)) {
        return false;
      }
    }
    return true;
  }

  /** As {@link java.util.Arrays#hashCode(long[])} of the counts. */
  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < size(); i++) {
      hash = 31 * hash + Long.hashCode(count(i));
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < size(); i++) {
      if (count(i) != 0) {
        text.append(text.length() > 1 ? ", " : "")
            .append(nodes.get(i))
            .append('=')
            .append(count(i));
      }
    }
    return text.append('}').toString();
  }
}
