package faultline.exercises.e12_linearizability;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.kv.ClientNode;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.check.RaftInvariants;
import faultline.scenarios.bind.Parameters;
import faultline.scenarios.bind.RaftParams;
import faultline.scenarios.parse.ParamReader;
import java.util.List;

/**
 * {@code "protocol": "exercise-linearizability"}: the servers and clients of {@code raft}, with
 * every one of its params, whose clients' history {@code kv.linearizable} judges at the end with
 * your {@link LinearizabilitySearch}, key by key, instead of the simulator's checker. Run {@code
 * exercises/e12-stale-read} to watch your search catch a deposed leader's stale reads. The clients
 * must not append: a register has no append.
 */
public final class LinearizabilityBinding extends ExerciseBinding {
  /** Used only when a caller does not say how long the run is. */
  private static final long RUN_DURATION_UNKNOWN_NANOS = 60_000_000_000L;

  public LinearizabilityBinding() {
    super(
        "exercise-linearizability",
        "exercise 12: Raft's key-value store, its history judged by your LinearizabilitySearch",
        LinearizabilityBinding::freshInvariants);
  }

  private static List<Invariant> freshInvariants() {
    return RaftInvariants.all(new StudentChecker());
  }

  /** Every parameter of {@code raft}. */
  @Override
  public Parameters parameters() {
    return RaftParams.PARAMETERS;
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    return nodeFactory(params, nodes, RUN_DURATION_UNKNOWN_NANOS);
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    RaftConfig config = RaftParams.read(params, nodes, runDurationNanos).config();
    return id ->
        config.servers().contains(id)
            ? new RaftNode(config)
            : new ClientNode(config.servers(), config.workload());
  }
}
