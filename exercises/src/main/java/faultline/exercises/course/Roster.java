package faultline.exercises.course;

import faultline.exercises.Exercise;
import faultline.exercises.grading.CheckOutcome;
import faultline.exercises.grading.GradedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The class's grades for one exercise as CSV (RFC 4180: comma separated, quoted where needed, CRLF
 * line ends, as spreadsheets and learning platforms import it): one row per student with the
 * points, the points of each check, the seed of the first failing run, the time grading took, and
 * why points were lost.
 */
public final class Roster {
  private final Exercise exercise;
  private final List<SubmissionGrade> grades = new ArrayList<>();

  public Roster(Exercise exercise) {
    this.exercise = exercise;
  }

  public void add(SubmissionGrade grade) {
    grades.add(grade);
  }

  public List<SubmissionGrade> grades() {
    return List.copyOf(grades);
  }

  /** The whole file. */
  public String csv() {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("student", "points", "max_points"));
    List<GradedCheck> checks = exercise.checks();
    for (int i = 0; i < checks.size(); i++) {
      header.add(
          String.format(
              Locale.ROOT,
              "test%d %s (%d pts)",
              i + 1,
              checks.get(i).name(),
              checks.get(i).points()));
    }
    header.addAll(List.of("first_failure_seed", "duration_seconds", "reason"));
    row(out, header);
    for (SubmissionGrade grade : grades) {
      List<String> cells = new ArrayList<>();
      cells.add(grade.student());
      cells.add(Integer.toString(grade.points()));
      cells.add(Integer.toString(grade.maxPoints()));
      for (CheckOutcome check : grade.checks()) {
        cells.add(Integer.toString(check.points()));
      }
      Long seed = grade.firstFailureSeed();
      cells.add(seed == null ? "" : seed.toString());
      cells.add(String.format(Locale.ROOT, "%.1f", grade.durationMillis() / 1000.0));
      cells.add(grade.reason());
      row(out, cells);
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quoted(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** A cell, quoted when it holds a comma, a quote or a line break (RFC 4180, 2.6 and 2.7). */
  static String quoted(String cell) {
    String flat = cell.replace("\r", " ").replace("\n", " ");
    if (flat.contains(",") || flat.contains("\"")) {
      return "\"" + flat.replace("\"", "\"\"") + "\"";
    }
    return flat;
  }
}
