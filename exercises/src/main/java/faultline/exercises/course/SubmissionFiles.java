package faultline.exercises.course;

import faultline.exercises.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a student's code for one exercise in a submission folder: a handout edition (the exercise's
 * folder at {@code exercises/src/main/java/faultline/exercises/e07_fencing/}) or the exercise's
 * files handed in alone (as Gradescope stores an upload), at the top or a few folders down.
 *
 * <p>What is graded, as the handout promises ("changes elsewhere do not count"): the classes the
 * student writes ({@link Exercise#studentClasses()}), which must all be there, and any new file of
 * the student's own in that folder (a helper class). A file of the same name as one the grader
 * itself ships in that package (the exercise's checks, its binding) is left out: the grader's own
 * copy is used, so a student cannot grade themselves by editing the checks.
 */
final class SubmissionFiles {
  private static final int SEARCH_DEPTH_MAX = 12;

  private SubmissionFiles() {}

  /** The files to compile, in name order. */
  static List<Path> collect(Exercise exercise, Path submission)
      throws SubmissionProblem, IOException {
    String firstStudentFile = exercise.studentClasses().getFirst().getSimpleName() + ".java";
    Path folder = locate(exercise, submission, firstStudentFile).orElse(null);
    if (folder == null) {
      throw new SubmissionProblem(
          "no "
              + firstStudentFile
              + " in the submission (expected at exercises/src/main/java/"
              + exercise.folder()
              + "/ of a handout, or handed in alone)");
    }
    List<Path> taken = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".java")
            && (isStudentClass(exercise, name) || !shipped(exercise, name))) {
          taken.add(file);
        }
      }
    }
    for (Class<?> student : exercise.studentClasses()) {
      String expected = student.getSimpleName() + ".java";
      if (taken.stream().noneMatch(file -> file.getFileName().toString().equals(expected))) {
        throw new SubmissionProblem(
            "missing "
                + expected
                + " (exercise "
                + exercise.id()
                + " grades it) beside "
                + firstStudentFile);
      }
    }
    return List.copyOf(taken);
  }

  private static Optional<Path> locate(Exercise exercise, Path submission, String marker)
      throws IOException {
    Path handout = submission.resolve("exercises/src/main/java").resolve(exercise.folder());
    if (Files.isRegularFile(handout.resolve(marker))) {
      return Optional.of(handout);
    }
    try (Stream<Path> found =
        Files.find(
            submission,
            SEARCH_DEPTH_MAX,
            (path, attributes) ->
                attributes.isRegularFile() && path.getFileName().toString().equals(marker))) {
      // The shallowest, then the first by name: the same folder whatever order the disk lists.
      return found
          .sorted(
              (a, b) ->
                  a.getNameCount() != b.getNameCount()
                      ? Integer.compare(a.getNameCount(), b.getNameCount())
                      : a.toString().compareTo(b.toString()))
          .findFirst()
          .map(Path::getParent);
    }
  }

  private static boolean isStudentClass(Exercise exercise, String fileName) {
    return exercise.studentClasses().stream()
        .anyMatch(student -> fileName.equals(student.getSimpleName() + ".java"));
  }

  /** Whether the grader ships a class of that file's name in the exercise's package. */
  private static boolean shipped(Exercise exercise, String fileName) {
    String resource = exercise.folder() + "/" + fileName.replace(".java", ".class");
    return exercise.getClass().getClassLoader().getResource(resource) != null;
  }
}
