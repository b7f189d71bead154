package faultline.scenarios.shrink;

import faultline.scenarios.model.Scenario;
import java.util.List;

/**
 * What a shrink found: the original's size, the smallest failing scenario and its size, and how the
 * search ended.
 */
public final class ShrinkResult {
  private final Scenario original;
  private final long seed;
  private final String invariant;
  private final ShrinkSize before;
  private final Candidate shrunk;
  private final ShrinkSize after;
  private final List<String> violated;
  private final int runs;
  private final String stoppedBy;

  ShrinkResult(
      Scenario original,
      long seed,
      String invariant,
      ShrinkSize before,
      Candidate shrunk,
      ShrinkSize after,
      List<String> violated,
      int runs,
      String stoppedBy) {
    this.original = original;
    this.seed = seed;
    this.invariant = invariant;
    this.before = before;
    this.shrunk = shrunk;
    this.after = after;
    this.violated = List.copyOf(violated);
    this.runs = runs;
    this.stoppedBy = stoppedBy;
  }

  public Scenario original() {
    return original;
  }

  public long seed() {
    return seed;
  }

  /** The invariant the shrunk scenario still violates. */
  public String invariant() {
    return invariant;
  }

  /** The original run: every fault it drew or scripted, its events up to the violation. */
  public ShrinkSize before() {
    return before;
  }

  public ShrinkSize after() {
    return after;
  }

  /** Runs made, the explicit original's included. */
  public int runs() {
    return runs;
  }

  /** Why the search stopped before a fixed point (a budget), or null at a fixed point. */
  public String stoppedBy() {
    return stoppedBy;
  }

  /**
   * The shrunk scenario as a commented scenario file.
   *
   * @param shrinkCommand the command that shrank it, for the file's first comment
   * @param reproduceCommand the command that runs the file, for its comments
   */
  public String scenarioText(String shrinkCommand, String reproduceCommand) {
    return ShrunkScenarioText.write(this, shrunk, violated, shrinkCommand, reproduceCommand);
  }
}
