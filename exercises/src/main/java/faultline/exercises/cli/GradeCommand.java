package faultline.exercises.cli;

import faultline.exercises.Exercise;
import faultline.exercises.Exercises;
import faultline.exercises.grading.GradeReport;
import faultline.exercises.grading.Grader;
import faultline.exercises.grading.JsonReport;
import faultline.exercises.grading.TextReport;
import faultline.scenarios.cli.OutputPaths;
import java.io.PrintWriter;
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
      "Exit 0 when every check passed, 1 when one failed. With no <exercise>, list the exercises"
          + " (exit 0)."
    })
final class GradeCommand implements Callable<Integer> {
  private static final int OK = 0;
  private static final int FAILED = 1;
  private static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<exercise>",
      arity = "0..1",
      description = "e01, lamport or e01-lamport; leave out to list the exercises.")
  String exerciseName;

  @Option(names = "--json", description = "Print one JSON object (for course tooling).")
  boolean json;

  @Option(
      names = "--hint",
      paramLabel = "N",
      description = "Print the exercise's hints 1 to N instead of grading.")
  Integer hint;

  @Option(
      names = "--traces",
      paramLabel = "DIR",
      description = "Where failing runs' traces go (default: ${DEFAULT-VALUE}).",
      defaultValue = "target/grade")
  Path traceDirectory;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (exerciseName == null) {
      listExercises(out);
      return OK; // Listing is what grade without an argument is for.
    }
    Optional<Exercise> exercise = Exercises.named(exerciseName);
    if (exercise.isEmpty()) {
      err.println("faultline: no exercise named '" + exerciseName + "'; the exercises are:");
      listExercises(err);
      return BAD_INPUT;
    }
    if (hint != null) {
      return Hints.print(exercise.get(), hint, out, err);
    }
    OutputPaths.requireWritableFolder("--traces", traceDirectory);
    GradeReport report;
    Grader grader = new Grader(traceDirectory);
    if (json) {
      report = grader.grade(exercise.get());
      out.println(JsonReport.of(report));
    } else {
      TextReport text = new TextReport(out);
      text.header(exercise.get());
      report = grader.grade(exercise.get(), text::result);
      text.footer(report);
    }
    out.flush();
    return report.allPassed() ? OK : FAILED;
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
