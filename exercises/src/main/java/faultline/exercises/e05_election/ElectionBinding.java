package faultline.exercises.e05_election;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.kv.ClientNode;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.check.RaftInvariants;
import faultline.scenarios.bind.Parameters;
import faultline.scenarios.bind.RaftParams;
import faultline.scenarios.parse.ParamReader;
import java.util.List;

/**
 * {@code "protocol": "exercise-election"}: the {@code raft} protocol, its clients and every one of
 * its parameters and invariants, with servers that vote and time out by your {@link RaftElection}.
 */
public final class ElectionBinding extends ExerciseBinding {
  /** Used only when a caller does not say how long the run is; the grader always does. */
  private static final long RUN_DURATION_UNKNOWN_NANOS = 60_000_000_000L;

  public ElectionBinding() {
    super(
        "exercise-election",
        "exercise 5: Raft whose servers vote and time out by your RaftElection",
        ElectionBinding::freshInvariants);
  }

  private static List<Invariant> freshInvariants() {
    return RaftInvariants.all(
        LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX));
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
            ? new RaftNode(config, new RaftElection())
            : new ClientNode(config.servers(), config.workload());
  }
}
