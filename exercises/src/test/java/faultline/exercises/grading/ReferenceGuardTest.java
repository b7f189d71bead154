package faultline.exercises.grading;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.exercises.Exercise;
import faultline.exercises.Exercises;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry's side of the reference guard: every exercise says which classes are the student's
 * and what of the simulator is its answer, the names it gives exist (a renamed reference would
 * otherwise be silently allowed), and the reference solutions themselves are not refused.
 */
class ReferenceGuardTest {
  static List<Exercise> exercises() {
    return Exercises.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void everyExerciseDeclaresItsStudentClassesAndItsReference(Exercise exercise) {
    assertThat(exercise.studentClasses()).as("student classes").isNotEmpty();
    for (Class<?> student : exercise.studentClasses()) {
      assertThat(student.getPackageName().replace('.', '/')).isEqualTo(exercise.folder());
    }
    assertThat(exercise.referenceCode().undeclared())
        .as("declare the reference, or ReferenceCode.none with the reason")
        .isFalse();
  }

  /**
   * The student classes are exactly the files with solution regions: a batch grader takes those
   * from a submission and the grader's own copy of everything else, so a given file listed here
   * would be demanded of every student, and a solution file missing here would be graded with the
   * reference's copy.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void theStudentClassesAreTheFilesWithSolutionRegions(Exercise exercise) throws IOException {
    List<String> withRegions;
    try (Stream<Path> files = Files.list(Path.of("src/main/java", exercise.folder()))) {
      withRegions =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> read(file).contains("// BEGIN SOLUTION"))
              .map(file -> file.getFileName().toString().replace(".java", ""))
              .sorted()
              .toList();
    }
    assertThat(exercise.studentClasses().stream().map(Class::getSimpleName).sorted().toList())
        .isEqualTo(withRegions);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void everyDeclaredReferenceExists(Exercise exercise) throws ClassNotFoundException {
    for (String name : exercise.referenceCode().classes()) {
      assertThat(Class.forName(name)).isNotNull();
    }
    for (String member : exercise.referenceCode().members()) {
      String[] ownerAndName = member.split("#", 2);
      Class<?> owner = Class.forName(ownerAndName[0]);
      List<String> names =
          Stream.concat(Stream.of(owner.getDeclaredMethods()), Stream.of(owner.getDeclaredFields()))
              .map(Member::getName)
              .toList();
      assertThat(names).as(member).contains(ownerAndName[1]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void theReferenceSolutionIsNotRefused(Exercise exercise) {
    assertThat(ReferenceGuard.refusal(exercise)).isEmpty();
  }
}
