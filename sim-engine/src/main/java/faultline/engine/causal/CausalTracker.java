package faultline.engine.causal;

import faultline.engine.node.NodeId;
import java.util.List;

/**
 * Ground-truth happens-before (Lamport 1978): one vector clock per node, ticked on each node step
 * and merged with the sender's clock on each delivery. Protocols never see it; invariants and
 * exports do.
 */
public final class CausalTracker {
  private final List<NodeId> nodes;
  private final long[][] clocks;
  private boolean narrow = true; // Every count so far fits an int.
  private long stampsMade;

  public CausalTracker(List<NodeId> sortedNodes) {
    this.nodes = List.copyOf(sortedNodes);
    this.clocks = new long[nodes.size()][nodes.size()];
  }

  /**
   * Records a step of node {@code nodeIndex} that received {@code senderStamp} (null for a timer or
   * a start); {@link #stamp} reads the step's stamp until the node's next step.
   */
  public void step(int nodeIndex, VectorStamp senderStamp) {
    long[] clock = clocks[nodeIndex];
    if (senderStamp != null) {
      for (int i = 0; i < clock.length; i++) {
        clock[i] = Math.max(clock[i], senderStamp.count(i));
      }
    }
    clock[nodeIndex]++;
    // Every count is some node's own count at some step, so all fit an int while these do.
    narrow &= clock[nodeIndex] <= Integer.MAX_VALUE;
  }

  /**
   * The stamp of node {@code nodeIndex}'s latest step, a copy: made only when a step's stamp is
   * needed (its sends carry it, an invariant may ask for it), not for every step.
   */
  public VectorStamp stamp(int nodeIndex) {
    stampsMade++;
    return new VectorStamp(nodes, clocks[nodeIndex], narrow);
  }

  /** The fewest steps of node {@code nodeIndex} that any node knows of (has heard of, causally). */
  public long knownByAll(int nodeIndex) {
    long least = Long.MAX_VALUE;
    for (long[] clock : clocks) {
      least = Math.min(least, clock[nodeIndex]);
    }
    return least;
  }

  /**
   * How many stamps {@link #stamp} has made: none in a run that does not track the causal history,
   * whose deliveries carry no stamp, so that {@link #step} only counts the node's steps.
   */
  public long stampsMade() {
    return stampsMade;
  }

  /** How many steps node {@code nodeIndex} has taken so far. */
  public long stepsOf(int nodeIndex) {
    return clocks[nodeIndex][nodeIndex];
  }
}
