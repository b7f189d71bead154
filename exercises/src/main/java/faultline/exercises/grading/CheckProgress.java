package faultline.exercises.grading;

import java.nio.file.Path;

/**
 * Shared between a check's thread and the grader: which seed the check is on (so that a check that
 * hangs or throws is reported with its seed), and where failing traces go.
 */
public final class CheckProgress {
  private final Path traceDirectory;
  private final String traceStem;
  private volatile Long seed;
  private volatile String scenarioFile;

  CheckProgress(Path traceDirectory, String traceStem) {
    this.traceDirectory = traceDirectory;
    this.traceStem = traceStem;
  }

  /** The check is now running {@code scenarioFile} (a path a student can run) with this seed. */
  public void running(String scenarioFile, long seed) {
    this.scenarioFile = scenarioFile;
    this.seed = seed;
  }

  /** The seed the check is on, or null before its first run (or for checks without one). */
  public Long seed() {
    return seed;
  }

  public String scenarioFile() {
    return scenarioFile;
  }

  /**
   * Where a check that fails on something other than a run writes it for the student, such as the
   * history a search got wrong: {@code <dir>/e12-test3-<name>}.
   */
  public Path outputPath(String name) {
    return traceDirectory.resolve(traceStem + "-" + name);
  }

  /** Where a failing run's trace goes: {@code <dir>/e01-test2-seed7.jsonl}. */
  public Path tracePath(long seed) {
    return traceDirectory.resolve(traceStem + "-seed" + seed + ".jsonl");
  }
}
