package faultline.exercises.e07_fencing;

import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import faultline.exercises.grading.UnitCheck;
import java.util.List;

/** The checks of exercise 7; see README.md beside this file. */
public final class FencingExercise implements Exercise {
  @Override
  public String id() {
    return "e07";
  }

  @Override
  public String slug() {
    return "fencing";
  }

  @Override
  public String title() {
    return "Fencing tokens: a storage that refuses stale writes";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(FencingCheck.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(List.of("faultline.protocols.locks.Fencing"), List.of());
  }

  @Override
  public List<GradedCheck> checks() {
    FencingCheck check = new FencingCheck();
    return List.of(
        new GradedCheck(
            "the token rule on chosen values",
            5,
            UnitCheck.cases()
                .expect("rejects(33, highest 34)", () -> check.rejects(33, 34), true)
                .expect("rejects(35, highest 34)", () -> check.rejects(35, 34), false)
                .expect("rejects(34, highest 34)", () -> check.rejects(34, 34), false)
                .expect("rejects(1, nothing yet)", () -> check.rejects(1, 0), false)),
        new GradedCheck(
            "Kleppmann's GC pause: the stale write is refused",
            10,
            SimulationCheck.of("e07-gc-pause.json", 7, 1)
                .requireMetric("locks.staleWrites.rejected", 1)
                .requireMetric("resource.writes.accepted", 1)),
        new GradedCheck(
            "three clients, two long pauses, a slow network, 10 seeds",
            15,
            SimulationCheck.of("e07-many-pauses.json", 1, 10)
                .requireMetric("locks.staleWrites.rejected", 1)
                .requireMetric("resource.writes.accepted", 1)));
  }
}
