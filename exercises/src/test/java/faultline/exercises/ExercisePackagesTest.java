package faultline.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import faultline.exercises.e98_planted.Planted;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link ExercisesArchitectureTest} looks at every exercise: each registered exercise
 * and each compiled package shaped like one ({@code faultline.exercises.e} and a digit) is matched
 * by its rules, and each rule fails on a planted class in {@code e98_planted}, a package no list
 * names. (Its hand-written list once left out e06 and e08.)
 */
class ExercisePackagesTest {
  @Test
  void everyRegisteredExerciseIsInAPackageTheRulesCover() {
    List<String> registered =
        Exercises.all().stream().map(exercise -> exercise.getClass().getPackageName()).toList();

    assertThat(registered)
        .allMatch(name -> ExercisesArchitectureTest.EXERCISE_PACKAGE.matcher(name).matches())
        .contains("faultline.exercises.e06_replication", "faultline.exercises.e08_split_brain");
  }

  @Test
  void everyCompiledPackageShapedLikeAnExerciseIsCovered() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("faultline.exercises");
    Set<String> exerciseLike = packagesOf(main, "faultline\\.exercises\\.e\\d.*");
    Set<String> covered =
        main.stream()
            .filter(ExercisesArchitectureTest.EXERCISE_CODE)
            .map(JavaClass::getPackageName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> registered =
        Exercises.all().stream()
            .map(exercise -> exercise.getClass().getPackageName())
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(covered).isEqualTo(exerciseLike).containsAll(registered);
  }

  @Test
  void eachRuleFailsOnAPlantedClassInAnUnlistedExercisePackage() {
    List<Class<?>> breaking =
        List.of(
            Planted.ReadsTheClock.class,
            Planted.StartsAThread.class,
            Planted.DrawsUnseeded.class,
            Planted.TouchesAFile.class,
            Planted.ReadsTheEnvironment.class,
            Planted.PlatformMath.class,
            Planted.IteratesAHashMap.class,
            Planted.IdentityTimer.class,
            Planted.ReadsAStream.class);
    List<ArchRule> rules = ExercisesArchitectureTest.DETERMINISM;
    assertThat(rules).hasSameSizeAs(breaking);

    for (int i = 0; i < rules.size(); i++) {
      JavaClasses planted = new ClassFileImporter().importClasses(breaking.get(i));
      assertThat(rules.get(i).evaluate(planted).hasViolation())
          .as("%s on %s", rules.get(i).getDescription(), breaking.get(i).getSimpleName())
          .isTrue();
    }
  }

  @Test
  void aClassThatKeepsTheRulesPassesEachOfThem() {
    JavaClasses keeping =
        new ClassFileImporter()
            .importClasses(Planted.KeepsTheRules.class, Planted.KeepsTheRules.Due.class);

    for (ArchRule rule : ExercisesArchitectureTest.DETERMINISM) {
      assertThat(rule.evaluate(keeping).hasViolation()).as(rule.getDescription()).isFalse();
    }
  }

  private static Set<String> packagesOf(JavaClasses classes, String pattern) {
    return classes.stream()
        .map(JavaClass::getPackageName)
        .filter(name -> name.matches(pattern))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
