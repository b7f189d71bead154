package faultline.exercises.e02_vector;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.clocks.ClockInvariants;
import faultline.scenarios.parse.ParamReader;
import java.util.List;

/** {@code "protocol": "exercise-vector"}: your {@link VectorNode} on every node; no params. */
public final class VectorBinding extends ExerciseBinding {
  public VectorBinding() {
    super(
        "exercise-vector",
        "exercise 2: nodes gossiping their vector clocks (your VectorNode)",
        ClockInvariants::all);
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    return id -> new VectorNode();
  }
}
