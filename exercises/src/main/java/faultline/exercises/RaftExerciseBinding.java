package faultline.exercises;

import faultline.engine.check.Invariant;
import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.protocols.kv.ClientNode;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.RaftNode;
import faultline.scenarios.bind.Parameters;
import faultline.scenarios.bind.RaftParams;
import faultline.scenarios.parse.ParamReader;
import java.util.List;
import java.util.function.Supplier;

/**
 * The binding of an exercise that runs inside the {@code raft} protocol: its servers, its clients
 * and every one of its parameters, the servers configured with the student's part ({@link
 * #configure}) or built around it ({@link #server}). Exercises 5, 6, 11 and 12.
 */
public abstract class RaftExerciseBinding extends ExerciseBinding {
  /** Used only when a caller does not say how long the run is; the grader always does. */
  private static final long RUN_DURATION_UNKNOWN_NANOS = 60_000_000_000L;

  protected RaftExerciseBinding(String name, String summary, Supplier<List<Invariant>> invariants) {
    super(name, summary, invariants);
  }

  /** Every parameter of {@code raft}. */
  @Override
  public final Parameters parameters() {
    return RaftParams.PARAMETERS;
  }

  @Override
  protected final NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    return nodeFactory(params, nodes, RUN_DURATION_UNKNOWN_NANOS);
  }

  @Override
  protected final NodeFactory nodeFactory(
      ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    RaftConfig config = configure(RaftParams.read(params, nodes, runDurationNanos).config());
    return id ->
        config.servers().contains(id)
            ? server(config)
            : new ClientNode(config.servers(), config.workload());
  }

  /** The scenario's configuration with the student's rules plugged in; by default, as it is. */
  protected RaftConfig configure(RaftConfig config) {
    return config;
  }

  /** One server of {@code config}; by default the simulator's Raft server. */
  protected Node<? extends Message, ? extends TimerTag> server(RaftConfig config) {
    return new RaftNode(config);
  }
}
