package faultline.exercises.e02_vector;

import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import faultline.protocols.clocks.CausalOrder;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The checks of exercise 2; see README.md beside this file. */
public final class VectorExercise implements Exercise {
  @Override
  public String id() {
    return "e02";
  }

  @Override
  public String slug() {
    return "vector";
  }

  @Override
  public String title() {
    return "Vector clocks: exact happens-before and concurrency detection";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(VectorNode.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(
        List.of(),
        List.of(
            "faultline.protocols.clocks.VectorClock#tick",
            "faultline.protocols.clocks.VectorClock#merge",
            "faultline.protocols.clocks.VectorClock#receive",
            "faultline.protocols.clocks.VectorClock#compare",
            "faultline.protocols.clocks.VectorClock#happenedBefore",
            "faultline.protocols.clocks.VectorClock#isConcurrentWith"));
  }

  @Override
  public List<GradedCheck> checks() {
    return List.of(
        new GradedCheck(
            "tick and merge on chosen clocks",
            5,
            UnitCheck.cases()
                .expect("tick({}, n1)", () -> VectorNode.tick(v(), "n1"), v("n1", 1))
                .expect(
                    "tick({n1=2, n2=1}, n2)",
                    () -> VectorNode.tick(v("n1", 2, "n2", 1), "n2"),
                    v("n1", 2, "n2", 2))
                .expect(
                    "merge({n1=3, n2=1}, {n2=4, n3=1})",
                    () -> VectorNode.merge(v("n1", 3, "n2", 1), v("n2", 4, "n3", 1)),
                    v("n1", 3, "n2", 4, "n3", 1))),
        new GradedCheck(
            "compare on chosen clocks",
            5,
            UnitCheck.cases()
                .expect(
                    "compare({n1=1}, {n1=2})",
                    () -> VectorNode.compare(v("n1", 1), v("n1", 2)),
                    CausalOrder.BEFORE)
                .expect(
                    "compare({n1=2}, {n1=1})",
                    () -> VectorNode.compare(v("n1", 2), v("n1", 1)),
                    CausalOrder.AFTER)
                .expect(
                    "compare({n1=1}, {n2=1})",
                    () -> VectorNode.compare(v("n1", 1), v("n2", 1)),
                    CausalOrder.CONCURRENT)
                .expect(
                    "compare({n1=1, n2=0}, {n1=1})",
                    () -> VectorNode.compare(v("n1", 1, "n2", 0), v("n1", 1)),
                    CausalOrder.EQUAL)
                .expect(
                    "compare({}, {n3=1})",
                    () -> VectorNode.compare(v(), v("n3", 1)),
                    CausalOrder.BEFORE)),
        new GradedCheck(
            "compare agrees with the definition on 2,000 random pairs",
            10,
            new CompareAgreesWithReference()),
        new GradedCheck(
            "vectors match happens-before on a steady network, 10 seeds",
            10,
            SimulationCheck.of("e02-steady.json", 1, 10)
                .requireMetric("exercise.stamped", 300)
                .requireMetric("exercise.concurrentReceipts", 1)),
        new GradedCheck(
            "vectors match happens-before with loss, duplicates, reordering and crashes, 10 seeds",
            15,
            SimulationCheck.of("e02-chaos.json", 1, 10)
                .requireMetric("exercise.stamped", 300)
                .requireMetric("exercise.concurrentReceipts", 1)));
  }

  /** A clock from name, count pairs: {@code v("n1", 2, "n2", 1)}. */
  private static SortedMap<String, Long> v(Object... pairs) {
    TreeMap<String, Long> clock = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      clock.put((String) pairs[i], ((Integer) pairs[i + 1]).longValue());
    }
    return clock;
  }
}
