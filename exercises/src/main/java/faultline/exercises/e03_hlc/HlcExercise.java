package faultline.exercises.e03_hlc;

import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import java.util.List;

/** The checks of exercise 3; see README.md beside this file. */
public final class HlcExercise implements Exercise {
  @Override
  public String id() {
    return "e03";
  }

  @Override
  public String slug() {
    return "hlc";
  }

  @Override
  public String title() {
    return "Hybrid logical clocks: causality and bounded drift under skew and clock jumps";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(HlcNode.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(
        List.of(),
        List.of(
            "faultline.protocols.clocks.HybridTimestamp#sendOrLocal",
            "faultline.protocols.clocks.HybridTimestamp#receive"));
  }

  @Override
  public List<GradedCheck> checks() {
    return List.of(
        new GradedCheck(
            "Figure 5 on chosen values",
            5,
            UnitCheck.cases()
                .expect(
                    "sendOrLocal((l=10, c=3), pt 20)",
                    () -> HlcNode.sendOrLocal(new Hlc(10, 3), 20),
                    new Hlc(20, 0))
                .expect(
                    "sendOrLocal((l=10, c=3), pt 5)",
                    () -> HlcNode.sendOrLocal(new Hlc(10, 3), 5),
                    new Hlc(10, 4))
                .expect(
                    "receive((l=10, c=3), remote (l=10, c=7), pt 5)",
                    () -> HlcNode.receive(new Hlc(10, 3), new Hlc(10, 7), 5),
                    new Hlc(10, 8))
                .expect(
                    "receive((l=10, c=3), remote (l=30, c=2), pt 20)",
                    () -> HlcNode.receive(new Hlc(10, 3), new Hlc(30, 2), 20),
                    new Hlc(30, 3))
                .expect(
                    "receive((l=10, c=3), remote (l=8, c=9), pt 5)",
                    () -> HlcNode.receive(new Hlc(10, 3), new Hlc(8, 9), 5),
                    new Hlc(10, 4))
                .expect(
                    "receive((l=10, c=3), remote (l=12, c=9), pt 40)",
                    () -> HlcNode.receive(new Hlc(10, 3), new Hlc(12, 9), 40),
                    new Hlc(40, 0))),
        new GradedCheck(
            "causality, floor and bound with skewed, drifting clocks, 10 seeds",
            10,
            SimulationCheck.of("e03-skew.json", 1, 10).requireMetric("exercise.stamped", 300)),
        new GradedCheck(
            "the same after a clock jumps 500 ms forward, 10 seeds",
            10,
            SimulationCheck.of("e03-jump-forward.json", 1, 10)
                .requireMetric("exercise.stamped", 300)),
        new GradedCheck(
            "the same after a clock steps 300 ms back, 10 seeds",
            15,
            SimulationCheck.of("e03-jump-back.json", 1, 10)
                .requireMetric("exercise.stamped", 300)));
  }
}
