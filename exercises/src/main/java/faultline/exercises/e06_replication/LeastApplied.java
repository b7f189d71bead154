package faultline.exercises.e06_replication;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Observer;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftNode;
import java.util.Optional;

/**
 * Never fails: records, at the end of the run, the fewest entries that any running server has
 * applied, as the metric {@value #METRIC}. A leader can commit with followers that acknowledge
 * without storing anything, and no safety property notices while it stays the leader; a floor on
 * this metric makes the followers' half of the exercise count in a run without leader changes.
 */
final class LeastApplied implements Observer {
  static final String METRIC = "exercise.leastAppliedByAServer";

  @Override
  public String name() {
    return "exercise.least-applied";
  }

  @Override
  public String description() {
    return "Never fails: records the fewest entries a running server has applied at the end of"
        + " the run, as "
        + METRIC
        + ".";
  }

  @Override
  public void afterEvent(InvariantContext context) {}

  @Override
  public void atEnd(InvariantContext context) {
    long least = Long.MAX_VALUE;
    for (NodeId id : context.nodes()) {
      Optional<RaftNode> server = context.node(id, RaftNode.class);
      if (server.isPresent()) {
        least = Math.min(least, server.get().lastApplied());
      }
    }
    context.recordMax(METRIC, least == Long.MAX_VALUE ? 0 : least);
  }
}
