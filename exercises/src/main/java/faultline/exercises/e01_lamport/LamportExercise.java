package faultline.exercises.e01_lamport;

import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import java.util.List;

/** The checks of exercise 1; see README.md beside this file. */
public final class LamportExercise implements Exercise {
  @Override
  public String id() {
    return "e01";
  }

  @Override
  public String slug() {
    return "lamport";
  }

  @Override
  public String title() {
    return "Lamport clocks: the Clock Condition on random runs";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(LamportNode.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(
        List.of(),
        List.of(
            "faultline.protocols.clocks.LamportClock#tick",
            "faultline.protocols.clocks.LamportClock#receive"));
  }

  @Override
  public List<GradedCheck> checks() {
    return List.of(
        new GradedCheck(
            "IR1 and IR2 on chosen values",
            5,
            UnitCheck.cases()
                .expect("tick(0)", () -> LamportNode.tick(0), 1L)
                .expect("tick(41)", () -> LamportNode.tick(41), 42L)
                .expect("receive(3, remote 10)", () -> LamportNode.receive(3, 10), 11L)
                .expect("receive(10, remote 3)", () -> LamportNode.receive(10, 3), 11L)
                .expect("receive(5, remote 5)", () -> LamportNode.receive(5, 5), 6L)),
        new GradedCheck(
            "clock condition on a steady network, 10 seeds",
            10,
            SimulationCheck.of("e01-steady.json", 1, 10).requireMetric("exercise.stamped", 500)),
        new GradedCheck(
            "clock condition with loss, duplicates, reordering and skew, 10 seeds",
            15,
            SimulationCheck.of("e01-chaos.json", 1, 10).requireMetric("exercise.stamped", 500)),
        new GradedCheck(
            "clock condition across crashes and restarts, 10 seeds",
            15,
            SimulationCheck.of("e01-crash.json", 1, 10).requireMetric("exercise.stamped", 500)));
  }
}
