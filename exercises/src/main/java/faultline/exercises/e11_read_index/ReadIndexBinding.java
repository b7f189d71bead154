package faultline.exercises.e11_read_index;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.kv.ClientNode;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.ReadMode;
import faultline.protocols.raft.check.RaftInvariants;
import faultline.scenarios.bind.Parameters;
import faultline.scenarios.bind.RaftParams;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code "protocol": "exercise-read-index"}: the Raft servers and clients of {@code raft}, with
 * every one of its params, serving {@code get} by ReadIndex through your {@link ReadIndex} (the
 * {@code reads} param is ignored: reads are always ReadIndex here). Checked by Figure 3's
 * invariants after every event and by linearizability of the clients' history at the end.
 */
public final class ReadIndexBinding extends ExerciseBinding {
  /** Used only when a caller does not say how long the run is; the grader always does. */
  private static final long RUN_DURATION_UNKNOWN_NANOS = 60_000_000_000L;

  public ReadIndexBinding() {
    super(
        "exercise-read-index",
        "exercise 11: Raft serving reads by ReadIndex through your ReadIndex",
        ReadIndexBinding::freshInvariants);
  }

  /** Figure 3's invariants, linearizability, and how many reads were answered. */
  private static List<Invariant> freshInvariants() {
    List<Invariant> invariants =
        new ArrayList<>(
            RaftInvariants.all(
                LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)));
    invariants.add(new ReadsServed());
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
            .readMode(ReadMode.READ_INDEX)
            .readRule(new ReadIndex())
            .build();
    return id ->
        config.servers().contains(id)
            ? new RaftNode(config)
            : new ClientNode(config.servers(), config.workload());
  }
}
