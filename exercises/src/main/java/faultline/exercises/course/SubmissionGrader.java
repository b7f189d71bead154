package faultline.exercises.course;

import faultline.exercises.Exercise;
import faultline.exercises.grading.CheckOutcome;
import faultline.exercises.grading.GradedCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Grades one student's submission folder: finds the exercise's files in it ({@link
 * SubmissionFiles}), compiles them against the grader's classes ({@link SubmissionCompiler}) and
 * grades them in a JVM of their own ({@link IsolatedGrading}). A submission that cannot be found or
 * compiled earns zero on every check, with the reason; nothing a submission does stops the grader.
 */
public final class SubmissionGrader {
  private final Exercise exercise;
  private final Path workRoot;
  private final long wallLimitMillis;
  private final String classPath;

  /**
   * @param workRoot where each submission's compiled classes, traces and grading output go, in a
   *     folder named after it
   * @param wallLimitMillis the backstop for one submission's grading (see {@link IsolatedGrading})
   */
  public SubmissionGrader(Exercise exercise, Path workRoot, long wallLimitMillis) {
    this.exercise = exercise;
    this.workRoot = workRoot;
    this.wallLimitMillis = wallLimitMillis;
    this.classPath = absoluteClassPath(System.getProperty("java.class.path"));
  }

  /**
   * A wall-clock limit that a submission which does not hang never reaches: twice every check's CPU
   * budget, plus a minute for the JVM and the compiler.
   */
  public static long defaultWallLimitMillis(Exercise exercise) {
    long budgets = exercise.checks().stream().mapToLong(GradedCheck::timeoutMillis).sum();
    return 2 * budgets + TimeUnit.MINUTES.toMillis(1);
  }

  /** Grades the submission in {@code folder}, under the student name {@code student}. */
  public SubmissionGrade grade(String student, Path folder)
      throws IOException, InterruptedException {
    long startedNanos = System.nanoTime();
    Path work = workRoot.resolve(student);
    deleteRecursively(work);
    Files.createDirectories(work);
    List<CheckOutcome> checks;
    String problem = "";
    try {
      List<Path> sources = SubmissionFiles.collect(exercise, folder);
      Path classes = work.resolve("classes");
      SubmissionCompiler.compile(exercise, sources, classes, classPath);
      checks = IsolatedGrading.grade(exercise, classes, classPath, work, wallLimitMillis);
    } catch (SubmissionProblem e) {
      problem = e.getMessage();
      checks = new ArrayList<>();
      List<GradedCheck> all = exercise.checks();
      for (int i = 0; i < all.size(); i++) {
        checks.add(CheckOutcome.notGraded(i + 1, all.get(i), "not graded: " + problem));
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    return new SubmissionGrade(student, checks, problem, millis);
  }

  /**
   * This JVM's class path with every entry absolute, so that the grading JVMs find the same classes
   * whatever their working directory ({@code java -jar faultline.jar} gives a relative one).
   */
  private static String absoluteClassPath(String classPath) {
    List<String> entries = new ArrayList<>();
    for (String entry : classPath.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path each : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(each);
      }
    }
  }
}
