package faultline.exercises.e04_lww;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.clocks.ClockInvariants;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code "protocol": "exercise-lww"}: your {@link LwwNode} on every node.
 *
 * <pre>
 * "params": {
 *   "writeIntervalMin": "100ms", "writeIntervalMax": "400ms", "writeUntil": "2s",
 *   "stamping": "yours" | "wall"     // default "yours"; "wall" runs the given wall-clock stamps
 * }
 * </pre>
 */
public final class LwwBinding extends ExerciseBinding {
  public LwwBinding() {
    super(
        "exercise-lww",
        "exercise 4: a last-writer-wins register under clock skew (your LwwNode)",
        LwwBinding::allInvariants);
  }

  private static List<Invariant> allInvariants() {
    List<Invariant> all = new ArrayList<>(ClockInvariants.all());
    all.add(new LostWriteInvariant());
    return all;
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    long minNanos = params.durationNanos("writeIntervalMin", 100_000_000);
    long maxNanos = params.durationNanos("writeIntervalMax", minNanos);
    long untilNanos = params.durationNanos("writeUntil", Long.MAX_VALUE);
    if (minNanos <= 0) {
      throw params.error("writeIntervalMin", "must be longer than 0s");
    }
    if (maxNanos < minNanos) {
      throw params.error("writeIntervalMax", "must not be shorter than writeIntervalMin");
    }
    boolean wall = params.choice("stamping", "yours", List.of("yours", "wall")).equals("wall");
    LwwConfig config = new LwwConfig(minNanos, maxNanos, untilNanos, wall);
    return id -> new LwwNode(config);
  }
}
