package faultline.exercises;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.scenarios.bind.ProtocolBinding;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ParamReader;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Binds an exercise's node to scenario files, so that {@code ./faultline run}, {@code replay} and
 * the visualizer run the student's code exactly as the grader does. Registered with ServiceLoader
 * (META-INF/services/faultline.scenarios.bind.ProtocolBinding) by each exercise's subclass.
 */
public abstract class ExerciseBinding implements ProtocolBinding {
  private final String name;
  private final String summary;
  private final Supplier<List<Invariant>> invariants;

  protected ExerciseBinding(String name, String summary, Supplier<List<Invariant>> invariants) {
    this.name = name;
    this.summary = summary;
    this.invariants = invariants;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String summary() {
    return summary;
  }

  @Override
  public final SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(invariants.get());
  }

  @Override
  public final Setup bind(Scenario scenario) {
    NodeFactory factory =
        nodeFactory(scenario.params(), scenario.nodes(), scenario.run().durationNanos());
    scenario.params().finish();
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId node : scenario.nodes()) {
      factories.put(node, factory);
    }
    return new Setup(
        factories,
        freshInvariants(scenario.params(), scenario.nodes(), scenario.run().durationNanos()));
  }

  /**
   * The invariants of one run; by default those the constructor was given. An exercise whose
   * checkers depend on the configuration (quorum sizes, the values proposed) reads {@code params}
   * again (reading is repeatable) and builds them from it.
   */
  protected List<Invariant> freshInvariants(ParamReader params, List<NodeId> nodes) {
    return invariants.get();
  }

  /**
   * As {@link #freshInvariants(ParamReader, List)}, for an exercise whose checkers also depend on
   * how long the run is (bounds that a parameter reader derives from the run's length).
   */
  protected List<Invariant> freshInvariants(
      ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    return freshInvariants(params, nodes);
  }

  /**
   * Reads this exercise's {@code params} (every field it reads; unknown ones are then refused) and
   * returns how to build a node; {@code nodes} are the scenario's, for checks that name them.
   */
  protected abstract NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes);

  /**
   * As {@link #nodeFactory(ParamReader, List)}, for an exercise whose nodes also depend on how long
   * the run is (a client workload that stops a second before the end).
   */
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes, long runDurationNanos) {
    return nodeFactory(params, nodes);
  }
}
