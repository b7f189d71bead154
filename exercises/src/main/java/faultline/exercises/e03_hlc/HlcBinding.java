package faultline.exercises.e03_hlc;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.clocks.ClockInvariants;
import faultline.scenarios.parse.ParamReader;
import java.util.List;

/** {@code "protocol": "exercise-hlc"}: your {@link HlcNode} on every node; no params. */
public final class HlcBinding extends ExerciseBinding {
  public HlcBinding() {
    super(
        "exercise-hlc",
        "exercise 3: nodes gossiping their hybrid logical clocks (your HlcNode)",
        ClockInvariants::all);
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    return id -> new HlcNode();
  }
}
