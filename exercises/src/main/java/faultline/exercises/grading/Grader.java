package faultline.exercises.grading;

import faultline.exercises.Exercise;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Runs an exercise's checks one after another, each on its own thread with a real-time limit, so
 * that a student's handler that throws, never returns, or exhausts memory fails that check (with
 * its seed) and grading goes on. The simulations themselves stay single-threaded and deterministic;
 * only this harness uses threads, and only to be able to give up on a hung check.
 *
 * <p>A hung check's thread cannot be stopped safely (a handler in an endless loop never looks at
 * its interrupt flag); it is a daemon thread, interrupted and then abandoned, so the grader still
 * finishes and the process still exits.
 */
public final class Grader {
  private final Path traceDirectory;

  /** Failing runs' traces are written under {@code traceDirectory}. */
  public Grader(Path traceDirectory) {
    this.traceDirectory = traceDirectory;
  }

  /**
   * Grades {@code exercise}; a check that uses student code that reaches the simulator's own answer
   * (see {@link ReferenceGuard}) fails without running, saying why, and the others are graded.
   */
  public GradeReport grade(Exercise exercise) {
    return grade(exercise, result -> {});
  }

  /** Grades every check, telling {@code onEachResult} as soon as one is done (for live output). */
  public GradeReport grade(Exercise exercise, Consumer<CheckResult> onEachResult) {
    List<CheckResult> results = new ArrayList<>();
    List<GradedCheck> checks = exercise.checks();
    Refusals refusals = ReferenceGuard.refusals(exercise);
    for (int i = 0; i < checks.size(); i++) {
      int number = i + 1;
      Optional<String> refusal = refusals.forCheck(checks.get(i).uses());
      if (refusal.isPresent()) {
        CheckResult result = new CheckResult(number, checks.get(i), Failure.of(refusal.get()), 0);
        results.add(result);
        onEachResult.accept(result);
        continue;
      }
      CheckProgress progress = new CheckProgress(traceDirectory, exercise.id() + "-test" + number);
      long startedNanos = System.nanoTime();
      Failure failure = runGuarded(checks.get(i), progress);
      CheckResult result =
          new CheckResult(number, checks.get(i), failure, System.nanoTime() - startedNanos);
      results.add(result);
      onEachResult.accept(result);
    }
    return new GradeReport(exercise, List.copyOf(results));
  }

  private static Failure runGuarded(GradedCheck check, CheckProgress progress) {
    FutureTask<Optional<Failure>> task = new FutureTask<>(() -> check.body().run(progress));
    Thread thread = Thread.ofPlatform().daemon().name("grade-" + check.name()).unstarted(task);
    thread.start();
    try {
      Optional<Failure> failure = CheckBudget.await(task, thread, check.timeoutMillis());
      if (failure != null) {
        return failure.orElse(null);
      }
      String where = StudentErrors.where(thread.getStackTrace());
      thread.interrupt();
      return Failure.of(
              String.format(
                  Locale.ROOT,
                  "did not finish within %.1f s of CPU time: a handler that never returns"
                      + " (an endless loop?)%s",
                  check.timeoutMillis() / 1000.0,
                  where.isEmpty() ? "" : "; it was" + where.substring(1)))
          .withSeed(progress.seed(), progress.scenarioFile());
    } catch (ExecutionException e) {
      return Failure.of(StudentErrors.describe(e.getCause()))
          .withSeed(progress.seed(), progress.scenarioFile());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Failure.of("grading was interrupted");
    }
  }
}
