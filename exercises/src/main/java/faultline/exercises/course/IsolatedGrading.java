package faultline.exercises.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.exercises.Exercise;
import faultline.exercises.grading.CheckOutcome;
import faultline.exercises.grading.GradedCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Grades compiled student classes in a JVM of their own ({@code ./faultline grade <exercise>
 * --format jsonl} with the student's classes first on the class path), so that nothing a student's
 * code does (exhaust the heap, start threads, call {@code System.exit}, never return) can stop the
 * grader or the next submission.
 *
 * <p>The grading JVM already fails a check that hangs, after a budget of CPU time, and goes on: the
 * same code gets the same score whatever the machine's load. The wall-clock limit here is only a
 * backstop for what that cannot catch (a process that stops answering altogether); the checks it
 * cuts off earn zero, saying so. It should be generous: unlike the CPU budget, it depends on the
 * machine.
 */
final class IsolatedGrading {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAIN = "faultline.scenarios.cli.Main";

  private IsolatedGrading() {}

  /** The java launcher running this JVM. */
  static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Grades {@code exercise} with the classes in {@code studentClasses} in front of {@code
   * classPath}; the grading JVM's lines and error output are kept in {@code workDirectory}.
   */
  static List<CheckOutcome> grade(
      Exercise exercise,
      Path studentClasses,
      String classPath,
      Path workDirectory,
      long wallLimitMillis)
      throws IOException, InterruptedException {
    Path traces = workDirectory.resolve("traces");
    Path errors = workDirectory.resolve("grading-stderr.txt");
    List<String> command =
        List.of(
            javaLauncher(),
            "-Dfaultline.progress=false",
            "-cp",
            studentClasses + java.io.File.pathSeparator + classPath,
            MAIN,
            "grade",
            exercise.id(),
            "--format",
            "jsonl",
            "--traces",
            traces.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectError(errors.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
            .start();
    Map<Integer, CheckOutcome> graded = new TreeMap<>();
    Thread reader =
        Thread.ofPlatform()
            .daemon()
            .name("grading-output")
            .start(() -> read(process, graded, workDirectory));
    boolean finished = process.waitFor(wallLimitMillis, TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroyForcibly();
      process.waitFor();
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    String missing;
    if (!finished) {
      missing =
          String.format(
              Locale.ROOT,
              "not graded: grading this submission was stopped at the wall-clock limit of %d s"
                  + " (a check that hangs in a way the CPU budget cannot see?)",
              TimeUnit.MILLISECONDS.toSeconds(wallLimitMillis));
    } else {
      missing =
          "not graded: the grading process exited with code "
              + process.exitValue()
              + " before this check"
              + lastLine(errors);
    }
    List<CheckOutcome> outcomes = new ArrayList<>();
    List<GradedCheck> checks = exercise.checks();
    synchronized (graded) {
      for (int i = 0; i < checks.size(); i++) {
        CheckOutcome outcome = graded.get(i + 1);
        outcomes.add(
            outcome != null ? outcome : CheckOutcome.notGraded(i + 1, checks.get(i), missing));
      }
    }
    return outcomes;
  }

  private static void read(Process process, Map<Integer, CheckOutcome> graded, Path workDirectory) {
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var kept = Files.newBufferedWriter(workDirectory.resolve("grade.jsonl"))) {
      String line;
      while ((line = lines.readLine()) != null) {
        kept.write(line);
        kept.newLine();
        kept.flush();
        JsonNode test = parse(line);
        if (test != null && test.has("number")) {
          CheckOutcome outcome = CheckOutcome.fromJson(test);
          synchronized (graded) {
            graded.put(outcome.number(), outcome);
          }
        }
      }
    } catch (IOException e) {
      // The process was killed mid-line: what was read stays graded, the rest is not.
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      return null; // Not one of the grader's lines (a student's print): ignored.
    }
  }

  private static String lastLine(Path errors) throws IOException {
    if (!Files.isRegularFile(errors)) {
      return "";
    }
    List<String> lines = Files.readAllLines(errors).stream().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : ": " + lines.getLast().strip();
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
