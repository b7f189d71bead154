package faultline.exercises.e04_lww;

import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import faultline.exercises.grading.SimulationCheck;
import java.util.List;

/** The checks of exercise 4; see README.md beside this file. */
public final class LwwExercise implements Exercise {
  @Override
  public String id() {
    return "e04";
  }

  @Override
  public String slug() {
    return "lww";
  }

  @Override
  public String title() {
    return "Last-writer-wins under clock skew: find the seed that loses a write, then fix it";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(LwwNode.class, FoundSeed.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.none(
        "the exercise is to apply the hybrid clock of e03, which the simulator provides and the README lets you use; the seed you find is yours");
  }

  @Override
  public List<GradedCheck> checks() {
    return List.of(
        new GradedCheck(
            "your seed loses a write under wall-clock stamps", 10, new FoundSeedCheck()),
        new GradedCheck(
            "no write lost under skew, 20 seeds",
            20,
            SimulationCheck.of("e04-lww-skew.json", 1, 20).requireMetric("register.writes", 10)),
        new GradedCheck(
            "no write lost when a clock jumps forward and drifts, 20 seeds",
            10,
            SimulationCheck.of("e04-lww-jump.json", 1, 20).requireMetric("register.writes", 10)),
        new GradedCheck(
            "stamps respect causality and stay within the skew of physical time, 20 seeds",
            10,
            SimulationCheck.of("e04-lww-stamps.json", 1, 20).requireMetric("register.writes", 10)));
  }
}
