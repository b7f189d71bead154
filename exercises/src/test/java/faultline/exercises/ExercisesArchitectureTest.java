package faultline.exercises;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The exercise packages hold nodes that run inside simulations, so they obey the simulator's
 * determinism rules (no real clock, thread, unseeded randomness or file): the same code must get
 * the same grade on any machine. Only the grading harness may use threads, to give up on a hung
 * check; and nothing below the exercises may depend on them.
 */
@AnalyzeClasses(packages = "faultline", importOptions = ImportOption.DoNotIncludeTests.class)
class ExercisesArchitectureTest {
  private static final String[] EXERCISE_PACKAGES = {
    "faultline.exercises.e01_lamport..",
    "faultline.exercises.e02_vector..",
    "faultline.exercises.e03_hlc..",
    "faultline.exercises.e04_lww..",
    "faultline.exercises.e05_election..",
    "faultline.exercises.e07_fencing..",
    "faultline.exercises.e09_paxos.."
  };

  @ArchTest
  static final ArchRule exerciseCodeIsDeterministic =
      noClasses()
          .that()
          .resideInAnyPackage(EXERCISE_PACKAGES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.util.concurrent..", "java.io..", "java.nio.file..", "java.net..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.lang.Thread")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.Random")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .because("exercise nodes run in simulations: one seed, one run, on every machine");

  @ArchTest
  static final ArchRule nothingBelowDependsOnTheExercises =
      noClasses()
          .that()
          .resideInAnyPackage(
              "faultline.engine..", "faultline.protocols..", "faultline.scenarios..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("faultline.exercises..")
          .because("exercises build on protocols and scenarios, never the other way round");
}
