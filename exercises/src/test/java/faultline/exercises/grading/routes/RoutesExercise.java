package faultline.exercises.grading.routes;

import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import java.util.List;

/**
 * An exercise that exists only for {@code ReferenceGuardRoutesTest}: its "student" classes each
 * reach ReadRule.PAPER by one route the guard must see, and one writes its own rule.
 */
public final class RoutesExercise implements Exercise {
  private final List<Class<?>> students;
  private final ReferenceCode reference;

  public RoutesExercise(List<Class<?>> students, ReferenceCode reference) {
    this.students = List.copyOf(students);
    this.reference = reference;
  }

  /** ReadRule#PAPER is the answer; ReadLeader, a leader's state, may be called through. */
  public static ReferenceCode readRule() {
    return ReferenceCode.of(List.of(), List.of("faultline.protocols.raft.ReadRule#PAPER"))
        .allowing("faultline.protocols.raft.ReadLeader", "the leader's own state, which it reads");
  }

  @Override
  public String id() {
    return "e97";
  }

  @Override
  public String slug() {
    return "routes";
  }

  @Override
  public String title() {
    return "routes to the reference";
  }

  @Override
  public List<GradedCheck> checks() {
    return List.of();
  }

  @Override
  public List<Class<?>> studentClasses() {
    return students;
  }

  @Override
  public ReferenceCode referenceCode() {
    return reference;
  }
}
