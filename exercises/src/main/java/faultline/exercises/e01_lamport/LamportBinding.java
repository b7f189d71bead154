package faultline.exercises.e01_lamport;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.clocks.ClockInvariants;
import faultline.scenarios.parse.ParamReader;
import java.util.List;

/** {@code "protocol": "exercise-lamport"}: your {@link LamportNode} on every node; no params. */
public final class LamportBinding extends ExerciseBinding {
  public LamportBinding() {
    super(
        "exercise-lamport",
        "exercise 1: nodes gossiping their Lamport clocks (your LamportNode)",
        ClockInvariants::all);
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    return id -> new LamportNode();
  }
}
