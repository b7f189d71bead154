package faultline.exercises.grading;

import java.nio.file.Path;

/**
 * Why a check failed, in words, with what a student needs to reproduce it. Every field but {@code
 * summary} may be null.
 *
 * @param summary what went wrong, in a sentence or two
 * @param seed the seed of the failing run
 * @param scenarioFile the scenario, as a path {@code ./faultline run} accepts
 * @param invariant the violated invariant's name
 * @param seq the trace sequence number where it was caught
 * @param timeNanos the true time when it was caught
 * @param node the node it was caught at
 * @param trace the trace of the failing run, written for replay and the visualizer
 */
public record Failure(
    String summary,
    Long seed,
    String scenarioFile,
    String invariant,
    Long seq,
    Long timeNanos,
    String node,
    Path trace) {

  /** A failure with only words (a unit check). */
  public static Failure of(String summary) {
    return new Failure(summary, null, null, null, null, null, null, null);
  }

  Failure withSeed(Long seed, String scenarioFile) {
    return new Failure(summary, seed, scenarioFile, invariant, seq, timeNanos, node, trace);
  }
}
