package faultline.exercises.cli;

import faultline.exercises.Exercise;
import faultline.exercises.Exercises;
import faultline.exercises.grading.GradeReport;
import faultline.exercises.grading.Grader;
import faultline.exercises.grading.GradescopeReport;
import faultline.exercises.grading.JsonReport;
import faultline.exercises.grading.TextReport;
import faultline.scenarios.cli.OutputPaths;
import faultline.scenarios.cli.UserError;
import faultline.scenarios.parse.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grade an exercise: run its checks on your code and print a score.",
      "Each failing check prints its seed, the invariant that broke and when, and the commands"
          + " that replay it and open it in the visualizer. The same code gets the same score on"
          + " any machine.",
      "Instructors: --submission DIR grades one student's folder (a handout edition, or the"
          + " exercise's files alone) in a JVM of its own; --submissions DIR grades every folder"
          + " in DIR and writes a CSV roster; --format gradescope writes Gradescope's"
          + " results.json.",
      "Exit 0 when every check passed, 1 when one failed (with --submissions: 0 once the roster"
          + " is written). With no <exercise>, list the exercises (exit 0)."
    })
final class GradeCommand implements Callable<Integer> {
  private static final int OK = 0;
  private static final int FAILED = 1;
  private static final int BAD_INPUT = 2;

  /** How a grade is reported. */
  enum Format {
    text,
    json,
    jsonl,
    gradescope
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<exercise>",
      arity = "0..1",
      description = "e01, lamport or e01-lamport; leave out to list the exercises.")
  String exerciseName;

  @Option(names = "--json", description = "Print one JSON object (the same as --format json).")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text (default), json (one object), jsonl (one object per check, as each finishes) or"
              + " gradescope (Gradescope's results.json).")
  Format format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of standard output (with --submissions: the CSV"
              + " roster, default grades-<exercise>.csv).")
  Path out;

  @Option(
      names = "--visibility",
      paramLabel = "WHEN",
      description =
          "With --format gradescope: when students see each test, visible (default), hidden,"
              + " after_due_date or after_published.",
      defaultValue = "visible")
  String visibility;

  @Option(
      names = "--submission",
      paramLabel = "DIR",
      description = "Grade the student's code in DIR (compiled and graded in a JVM of its own).")
  Path submission;

  @Option(
      names = "--submissions",
      paramLabel = "DIR",
      description = "Grade every student folder in DIR and write a CSV roster (see --out).")
  Path submissions;

  @Option(
      names = "--submission-timeout",
      paramLabel = "DURATION",
      description =
          "Wall-clock limit for one submission (default: twice every check's CPU budget plus a"
              + " minute). Only a backstop: a check that hangs fails on its own CPU budget.")
  String submissionTimeout;

  @Option(
      names = "--hint",
      paramLabel = "N",
      description = "Print the exercise's hints 1 to N instead of grading.")
  Integer hint;

  @Option(
      names = "--traces",
      paramLabel = "DIR",
      description =
          "Where failing runs' traces go (default: ${DEFAULT-VALUE}; with --submission[s], one"
              + " folder per student there).",
      defaultValue = "target/grade")
  Path traceDirectory;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (exerciseName == null) {
      listExercises(stdout);
      return OK; // Listing is what grade without an argument is for.
    }
    Optional<Exercise> exercise = Exercises.named(exerciseName);
    if (exercise.isEmpty()) {
      err.println("faultline: no exercise named '" + exerciseName + "'; the exercises are:");
      listExercises(err);
      return BAD_INPUT;
    }
    if (hint != null) {
      return Hints.print(exercise.get(), hint, stdout, err);
    }
    Format chosen = chosenFormat();
    OutputPaths.requireWritableFolder("--traces", traceDirectory);
    GradescopeReport.Visibility shown = visibility();
    if (submission != null || submissions != null) {
      return new SubmissionsRun(exercise.get(), traceDirectory, wallLimitMillis(exercise.get()))
          .run(submission, submissions, chosen, out, shown, stdout, err);
    }
    long startedNanos = System.nanoTime();
    Grader grader = new Grader(traceDirectory);
    GradeReport report;
    switch (chosen) {
      case text -> {
        TextReport text = new TextReport(stdout);
        text.header(exercise.get());
        report = grader.grade(exercise.get(), text::result);
        text.footer(report);
      }
      case jsonl ->
          report =
              grader.grade(
                  exercise.get(),
                  result -> {
                    stdout.println(JsonReport.test(result));
                    stdout.flush();
                  });
      case json -> {
        report = grader.grade(exercise.get());
        write(JsonReport.of(report), stdout, err);
      }
      case gradescope -> {
        report = grader.grade(exercise.get());
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        write(GradescopeReport.of(report, millis, shown), stdout, err);
      }
      default -> throw new IllegalStateException("format " + chosen);
    }
    stdout.flush();
    return report.allPassed() ? OK : FAILED;
  }

  private Format chosenFormat() {
    if (json && format != null && format != Format.json) {
      throw new UserError("--json and --format " + format + " disagree; give one of them");
    }
    Format chosen = json ? Format.json : format == null ? Format.text : format;
    if (out != null && (chosen == Format.text || chosen == Format.jsonl) && submissions == null) {
      throw new UserError("--out: only with --format json or gradescope, or with --submissions");
    }
    if (submission != null && submissions != null) {
      throw new UserError("--submission and --submissions: give one of them");
    }
    if (submissions != null && format != null) {
      throw new UserError("--format: --submissions writes a CSV roster; leave --format out");
    }
    if (submissionTimeout != null && submission == null && submissions == null) {
      throw new UserError("--submission-timeout: only with --submission or --submissions");
    }
    if (out != null) {
      OutputPaths.prepareFile("--out", out, spec.commandLine().getErr());
    }
    return chosen;
  }

  private GradescopeReport.Visibility visibility() {
    for (GradescopeReport.Visibility each : GradescopeReport.Visibility.values()) {
      if (each.json().equals(visibility)) {
        return each;
      }
    }
    throw new UserError(
        "--visibility: '"
            + visibility
            + "' is not one of visible, hidden, after_due_date, after_published");
  }

  private long wallLimitMillis(Exercise exercise) {
    if (submissionTimeout == null) {
      return faultline.exercises.course.SubmissionGrader.defaultWallLimitMillis(exercise);
    }
    long nanos;
    try {
      nanos = Durations.parse(submissionTimeout);
    } catch (IllegalArgumentException e) {
      throw new UserError("--submission-timeout: " + e.getMessage());
    }
    if (nanos < 1_000_000_000L) {
      throw new UserError("--submission-timeout: at least 1s, got '" + submissionTimeout + "'");
    }
    return nanos / 1_000_000;
  }

  /** Writes {@code text} to --out when given, else to standard output. */
  private void write(String text, PrintWriter stdout, PrintWriter err) {
    if (out == null) {
      stdout.println(text);
      return;
    }
    try {
      Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw OutputPaths.cannotWrite("--out", out, e);
    }
    err.println("faultline: wrote " + out);
    err.flush();
  }

  /** The help's footer: every exercise, so that the help and the list never disagree. */
  static String footer() {
    StringBuilder text = new StringBuilder("Exercises:");
    for (Exercise exercise : Exercises.all()) {
      text.append(' ').append(exercise.id()).append(' ').append(exercise.slug()).append(',');
    }
    text.setLength(text.length() - 1);
    return text.append(" (./faultline grade lists them with their titles).").toString();
  }

  private static void listExercises(PrintWriter out) {
    int width = Exercises.all().stream().mapToInt(e -> e.slug().length()).max().orElse(0);
    for (Exercise exercise : Exercises.all()) {
      out.printf("  %s  %-" + width + "s  %s%n", exercise.id(), exercise.slug(), exercise.title());
    }
    out.println("Grade one with ./faultline grade <exercise>, e.g. ./faultline grade e01.");
    out.flush();
  }
}
