package faultline.exercises;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import faultline.architecture.DeterminismRules;
import faultline.architecture.NoTestJars;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The exercise packages hold nodes that run inside simulations, so they obey the simulator's
 * determinism rules, the same {@link DeterminismRules} as the engine and the protocols (no real
 * clock, thread, unseeded randomness, file, environment, platform {@code Math}, hash order, or
 * timer tag without a stable text), and no {@code java.io} at all: the same code must get the same
 * grade on any machine. Only the grading harness may use threads, to give up on a hung check; and
 * nothing below the exercises may depend on them.
 *
 * <p>The exercise packages are found by the shape of their names ({@code e01_lamport}, {@code
 * e08_split_brain}, ...), never listed by hand, so a new exercise is covered the day it lands.
 * {@code ExercisePackagesTest} proves that every registered exercise is in such a package and that
 * each rule fails on a planted class in a package no list ever named.
 */
@AnalyzeClasses(
    packages = "faultline",
    importOptions = {ImportOption.DoNotIncludeTests.class, NoTestJars.class})
class ExercisesArchitectureTest {
  /** An exercise package ({@code faultline.exercises.e06_replication}) or one below it. */
  static final Pattern EXERCISE_PACKAGE =
      Pattern.compile("faultline\\.exercises\\.e\\d\\d_[a-z0-9_]+(\\..+)?");

  static final DescribedPredicate<JavaClass> EXERCISE_CODE =
      describe(
          "reside in an exercise package (faultline.exercises.eNN_name..)",
          type -> EXERCISE_PACKAGE.matcher(type.getPackageName()).matches());

  @ArchTest static final ArchRule noRealClocks = DeterminismRules.noRealClocks(EXERCISE_CODE);

  @ArchTest
  static final ArchRule noWaitingNorThreads = DeterminismRules.noWaitingNorThreads(EXERCISE_CODE);

  @ArchTest
  static final ArchRule noUnseededRandomness = DeterminismRules.noUnseededRandomness(EXERCISE_CODE);

  @ArchTest
  static final ArchRule noFilesSocketsOrConsole =
      DeterminismRules.noFilesSocketsOrConsole(EXERCISE_CODE);

  @ArchTest
  static final ArchRule nothingThatDiffersBetweenMachines =
      DeterminismRules.nothingThatDiffersBetweenMachines(EXERCISE_CODE);

  @ArchTest static final ArchRule onlyStrictMath = DeterminismRules.onlyStrictMath(EXERCISE_CODE);

  @ArchTest
  static final ArchRule noHashOrderedCollections =
      DeterminismRules.noHashOrderedCollections(EXERCISE_CODE);

  @ArchTest
  static final ArchRule timerTagsHaveAStableText =
      DeterminismRules.timerTagsHaveAStableText(EXERCISE_CODE);

  @ArchTest
  static final ArchRule noInputOrOutput =
      noClasses()
          .that(EXERCISE_CODE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.io..")
          .because(
              "an exercise node talks to the world only through NodeContext; a stream, a reader"
                  + " or a writer in one is a way out of the simulation");

  /** Every rule above, for {@code ExercisePackagesTest}. */
  static final List<ArchRule> DETERMINISM =
      List.of(
          noRealClocks,
          noWaitingNorThreads,
          noUnseededRandomness,
          noFilesSocketsOrConsole,
          nothingThatDiffersBetweenMachines,
          onlyStrictMath,
          noHashOrderedCollections,
          timerTagsHaveAStableText,
          noInputOrOutput);

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
