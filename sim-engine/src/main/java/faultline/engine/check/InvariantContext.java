package faultline.engine.check;

import faultline.engine.node.NodeId;
import java.util.List;
import java.util.Optional;

/** What an invariant may observe of the run, and how it reports a violation. */
public interface InvariantContext {
  long nowNanos();

  /** The node step that was just taken, or empty when the last event was a fault. */
  Optional<Step> lastStep();

  /** Every node, sorted by id. */
  List<NodeId> nodes();

  /** The live node object, when it is up and of {@code type}; empty when crashed. */
  <N> Optional<N> node(NodeId id, Class<N> type);

  boolean isUp(NodeId id);

  long wallClockNanos(NodeId id);

  long monotonicNanos(NodeId id);

  /** Records a violation of this invariant at {@code node} (may be null for a global property). */
  void fail(NodeId node, String message);

  /**
   * Records that this invariant could not be decided (a search ran out of its fixed budget): the
   * run is then inconclusive rather than passed. The budget must not depend on the machine (count
   * states, not bytes or seconds), so that the same run gets the same answer everywhere.
   */
  void undecided(String message);

  /**
   * Adds {@code delta} to the run metric {@code name}, like {@code NodeContext.count}: for measures
   * that only a global view of the run can take, in true time (time without a leader, commit
   * latency, a write accepted after its lease expired; nodes never see true time). Metrics never
   * change the run.
   */
  void count(String name, long delta);

  /** Raises the run metric {@code name} to {@code value} if it is larger. */
  void recordMax(String name, long value);
}
