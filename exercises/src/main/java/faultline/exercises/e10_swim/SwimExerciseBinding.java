package faultline.exercises.e10_swim;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.swim.MergeRules;
import faultline.protocols.swim.SwimConfig;
import faultline.protocols.swim.SwimInvariants;
import faultline.protocols.swim.SwimNode;
import faultline.scenarios.bind.Parameters;
import faultline.scenarios.bind.SwimParams;
import faultline.scenarios.parse.ParamReader;
import java.util.List;

/**
 * {@code "protocol": "exercise-swim"}: the {@code swim} protocol with every one of its parameters
 * and invariants, whose members merge what they hear and refute suspicions by your {@link
 * SuspicionRules}.
 */
public final class SwimExerciseBinding extends ExerciseBinding {
  public SwimExerciseBinding() {
    super(
        "exercise-swim",
        "exercise 10: SWIM whose members merge updates and refute suspicions by your rules",
        () -> {
          SwimConfig sample = SwimConfig.defaults(List.of(NodeId.of("n1")));
          return SwimInvariants.all(sample, SwimInvariants.defaultBounds(sample));
        });
  }

  /** Every parameter of {@code swim}. */
  @Override
  public Parameters parameters() {
    return SwimParams.PARAMETERS;
  }

  /** Joins and leaves are checked against the run's length only when it is known. */
  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    return nodeFactory(params, nodes, Long.MAX_VALUE);
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes, long runNanos) {
    SwimConfig config = read(params, nodes, runNanos).config();
    return id -> new SwimNode(config);
  }

  @Override
  protected List<Invariant> freshInvariants(
      ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    SwimParams.Read read = read(params, nodes, runDurationNanos);
    return SwimInvariants.all(read.config(), read.bounds());
  }

  /**
   * The scenario's configuration with the student's rules in place of the paper's. A planted
   * merge-rule bug would be silently replaced by them, so it is refused.
   */
  private static SwimParams.Read read(ParamReader params, List<NodeId> nodes, long runNanos) {
    SwimParams.Read read = SwimParams.read(params, nodes, runNanos);
    if (read.config().rules() != MergeRules.PAPER) {
      throw params.error(
          "bugs",
          "exercise-swim runs your SuspicionRules in place of the merge rules; plant merge-rule"
              + " bugs in a swim scenario");
    }
    SwimConfig config = read.config().toBuilder().rules(new SuspicionRules()).build();
    return new SwimParams.Read(config, read.bounds(), read.warnings());
  }
}
