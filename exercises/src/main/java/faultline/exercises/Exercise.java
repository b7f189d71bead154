package faultline.exercises;

import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import java.util.List;

/**
 * One exercise: a piece of a protocol that the student writes inside a node the grader runs in
 * simulations, with the checks that grade it. The student's code lives in the exercise's own
 * package ({@code faultline.exercises.e01_lamport} ...), beside its README.
 */
public interface Exercise {
  /** The short name students type: {@code e01}. */
  String id();

  /** The long name, also accepted by {@code grade}: {@code lamport}. */
  String slug();

  /** One line: what the student builds. */
  String title();

  /** The checks, in the order they run and are numbered. */
  List<GradedCheck> checks();

  /**
   * The classes the student writes: exactly the files that carry solution regions. The grader reads
   * their bytecode, and that of every class of this exercise's package they use, before running
   * anything (see {@link faultline.exercises.grading.ReferenceGuard}); a batch grader takes these
   * files from a submission, and its own copy of every other file of the package.
   */
  default List<Class<?>> studentClasses() {
    return List.of();
  }

  /** The simulator's own answer to this exercise, which the student's code must not reach. */
  default ReferenceCode referenceCode() {
    return ReferenceCode.none("");
  }

  /** The package that holds the student's code and the README, as a folder. */
  default String folder() {
    return getClass().getPackageName().replace('.', '/');
  }

  /** Where the README is, relative to the repository root. */
  default String readmePath() {
    return "exercises/src/main/java/" + folder() + "/README.md";
  }
}
