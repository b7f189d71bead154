package faultline.exercises.e06_replication;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.kv.ClientNode;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.ReplicationRules;
import faultline.protocols.raft.check.RaftInvariants;
import faultline.scenarios.bind.Parameters;
import faultline.scenarios.bind.RaftParams;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code "protocol": "exercise-replication"}: the Raft servers and clients of {@code raft}, with
 * every one of its params, replicating with your {@link FollowerAppend} and committing with your
 * {@link LeaderCommit}. Checked by Figure 3's invariants after every event and by linearizability
 * of the clients' history at the end.
 */
public final class ReplicationBinding extends ExerciseBinding {
  /** Used only when a caller does not say how long the run is; the grader always does. */
  private static final long RUN_DURATION_UNKNOWN_NANOS = 60_000_000_000L;

  public ReplicationBinding() {
    super(
        "exercise-replication",
        "exercise 6: Raft replicating with your FollowerAppend and committing with your"
            + " LeaderCommit",
        ReplicationBinding::freshInvariants);
  }

  /** Figure 3's invariants, linearizability, and how far the slowest server got. */
  private static List<Invariant> freshInvariants() {
    List<Invariant> invariants =
        new ArrayList<>(
            RaftInvariants.all(
                LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)));
    invariants.add(new LeastApplied());
    return List.copyOf(invariants);
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
    RaftConfig config =
        RaftParams.read(params, nodes, runDurationNanos).config().toBuilder()
            .replicationRules(new ReplicationRules(new FollowerAppend(), new LeaderCommit()))
            .build();
    return id ->
        config.servers().contains(id)
            ? new RaftNode(config)
            : new ClientNode(config.servers(), config.workload());
  }
}
