package faultline.exercises.cli;

import faultline.exercises.Exercise;
import faultline.exercises.course.Roster;
import faultline.exercises.course.SubmissionGrade;
import faultline.exercises.course.SubmissionGrader;
import faultline.exercises.grading.CheckOutcome;
import faultline.exercises.grading.GradescopeReport;
import faultline.scenarios.cli.OutputPaths;
import faultline.scenarios.cli.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code grade <exercise> --submission DIR} and {@code --submissions DIR}: an instructor grading
 * students' code, each submission compiled and graded in a JVM of its own ({@link
 * SubmissionGrader}), so that one that does not compile or hangs costs its own points and never the
 * batch.
 */
final class SubmissionsRun {
  private final Exercise exercise;
  private final SubmissionGrader grader;
  private final Path workRoot;

  SubmissionsRun(Exercise exercise, Path workRoot, long wallLimitMillis) {
    this.exercise = exercise;
    this.workRoot = workRoot;
    this.grader = new SubmissionGrader(exercise, workRoot, wallLimitMillis);
  }

  int run(
      Path one,
      Path many,
      GradeCommand.Format format,
      Path out,
      GradescopeReport.Visibility visibility,
      PrintWriter stdout,
      PrintWriter err)
      throws IOException, InterruptedException {
    return one != null
        ? gradeOne(one, format, out, visibility, stdout, err)
        : gradeAll(many, out, stdout, err);
  }

  private int gradeOne(
      Path folder,
      GradeCommand.Format format,
      Path out,
      GradescopeReport.Visibility visibility,
      PrintWriter stdout,
      PrintWriter err)
      throws IOException, InterruptedException {
    requireFolder("--submission", folder);
    String student = folder.toAbsolutePath().normalize().getFileName().toString();
    SubmissionGrade grade = grader.grade(student, folder);
    String text =
        switch (format) {
          case gradescope ->
              GradescopeReport.of(
                  exercise, grade.checks(), grade.problem(), grade.durationMillis(), visibility);
          case text, json, jsonl -> report(grade);
        };
    if (out == null) {
      stdout.println(text);
      stdout.flush();
    } else {
      write(out, text + "\n", "--out");
      err.println("faultline: wrote " + out);
      err.flush();
    }
    return grade.points() == grade.maxPoints() ? 0 : 1;
  }

  private int gradeAll(Path folder, Path out, PrintWriter stdout, PrintWriter err)
      throws IOException, InterruptedException {
    requireFolder("--submissions", folder);
    List<Path> students;
    try (Stream<Path> listing = Files.list(folder)) {
      students =
          listing
              .filter(Files::isDirectory)
              .filter(path -> !path.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    if (students.isEmpty()) {
      throw new UserError("--submissions: " + folder + " has no student folders");
    }
    Path roster = out != null ? out : Path.of("grades-" + exercise.id() + ".csv");
    OutputPaths.prepareFile("--out", roster, err);
    Roster grades = new Roster(exercise);
    stdout.printf(
        "Grading %d submissions of %s-%s, each in a JVM of its own (work: %s)%n",
        students.size(), exercise.id(), exercise.slug(), workRoot);
    stdout.flush();
    for (Path student : students) {
      SubmissionGrade grade = grader.grade(student.getFileName().toString(), student);
      grades.add(grade);
      // Rewritten after each student, so that a batch stopped halfway keeps what it graded.
      write(roster, grades.csv(), "--out");
      stdout.printf(
          Locale.ROOT,
          "  %-24s %3d/%d  (%.1fs)%s%n",
          grade.student(),
          grade.points(),
          grade.maxPoints(),
          grade.durationMillis() / 1000.0,
          grade.reason().isEmpty() ? "" : "  " + cut(grade.reason()));
      stdout.flush();
    }
    stdout.printf("Wrote the roster of %d students to %s%n", students.size(), roster);
    stdout.flush();
    return 0;
  }

  /** The text report of one submission graded elsewhere: the lines a student would have read. */
  private String report(SubmissionGrade grade) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "Exercise %s-%s: %s%nSubmission: %s%n%n",
            exercise.id(), exercise.slug(), exercise.title(), grade.student()));
    if (!grade.problem().isEmpty()) {
      text.append(grade.problem()).append("\n\n");
    }
    for (CheckOutcome check : grade.checks()) {
      text.append(
          String.format(
              Locale.ROOT,
              "TEST %d: %s (%d pts) ... %s (%.1fs)%n",
              check.number(),
              check.name(),
              check.maxPoints(),
              check.passed() ? "PASS" : "FAIL",
              check.elapsedMillis() / 1000.0));
      for (String line : check.outputLines()) {
        text.append("    ").append(line).append('\n');
      }
    }
    return text.append(String.format("%nPoints: %d/%d", grade.points(), grade.maxPoints()))
        .toString();
  }

  private static String cut(String reason) {
    return reason.length() <= 100 ? reason : reason.substring(0, 97) + "...";
  }

  private static void requireFolder(String option, Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new UserError(
          option
              + ": "
              + folder
              + (Files.exists(folder) ? " is a file" : " does not exist")
              + "; name a folder");
    }
  }

  private static void write(Path file, String text, String option) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw OutputPaths.cannotWrite(option, file, e);
    }
  }
}
