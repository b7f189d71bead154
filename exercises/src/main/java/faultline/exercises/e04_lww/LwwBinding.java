package faultline.exercises.e04_lww;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.clocks.ClockInvariants;
import faultline.scenarios.bind.Parameter;
import faultline.scenarios.bind.Parameters;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code "protocol": "exercise-lww"}: your {@link LwwNode} on every node. Parameters: {@link
 * #PARAMETERS}.
 */
public final class LwwBinding extends ExerciseBinding {
  static final Parameters PARAMETERS = new Parameters();
  private static final Parameter WRITE_INTERVAL_MIN =
      PARAMETERS.duration(
          "writeIntervalMin", 100 * MILLI, "the least interval between a node's writes");
  private static final Parameter WRITE_INTERVAL_MAX =
      PARAMETERS.duration(
          "writeIntervalMax",
          Parameters.computed("writeIntervalMin"),
          "the greatest interval between a node's writes");
  private static final Parameter WRITE_UNTIL =
      PARAMETERS.duration(
          "writeUntil", Parameters.computed("the end of the run"), "no write starts after this");
  private static final Parameter STAMPING =
      PARAMETERS.choice(
          "stamping",
          "yours",
          List.of("yours", "wall"),
          "whose stamps the nodes use: your code's, or the given wall-clock code's");

  public LwwBinding() {
    super(
        "exercise-lww",
        "exercise 4: a last-writer-wins register under clock skew (your LwwNode)",
        LwwBinding::allInvariants);
  }

  private static List<Invariant> allInvariants() {
    List<Invariant> all = new ArrayList<>(ClockInvariants.all());
    all.add(LostWriteInvariant.create());
    return all;
  }

  @Override
  public Parameters parameters() {
    return PARAMETERS;
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    long minNanos = WRITE_INTERVAL_MIN.durationNanos(params);
    long maxNanos = WRITE_INTERVAL_MAX.durationNanos(params, minNanos);
    long untilNanos = WRITE_UNTIL.durationNanos(params, Long.MAX_VALUE);
    if (minNanos <= 0) {
      throw WRITE_INTERVAL_MIN.error(params, "must be longer than 0s");
    }
    if (maxNanos < minNanos) {
      throw WRITE_INTERVAL_MAX.error(params, "must not be shorter than writeIntervalMin");
    }
    boolean wall = STAMPING.choice(params).equals("wall");
    LwwConfig config = new LwwConfig(minNanos, maxNanos, untilNanos, wall);
    return id -> new LwwNode(config);
  }
}
