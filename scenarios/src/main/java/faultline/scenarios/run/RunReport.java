package faultline.scenarios.run;

import faultline.engine.RunOutcome;
import faultline.engine.check.Undecided;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished run: the scenario, the seed it ran with, the engine's outcome, and whether the
 * scenario's expectations held (they are judged only against the scenario's default seed and
 * duration: at any other, they are not judged, which is neither met nor unmet).
 */
public record RunReport(
    Scenario scenario,
    long seed,
    long durationNanos,
    RunOutcome outcome,
    List<String> unmetExpectations,
    String commandOptions) {
  private static final String BUNDLED = "bundled:";

  public RunReport(
      Scenario scenario,
      long seed,
      long durationNanos,
      RunOutcome outcome,
      List<String> unmetExpectations) {
    this(scenario, seed, durationNanos, outcome, unmetExpectations, "");
  }

  /**
   * The same report, whose commands also pass {@code options} (such as {@code --swarm}, which the
   * scenario as loaded cannot tell), so that they repeat this very run.
   */
  public RunReport withCommandOptions(String options) {
    return new RunReport(scenario, seed, durationNanos, outcome, unmetExpectations, options);
  }

  /** Expectations hold for the scenario's own seed and stopping time, so only those are judged. */
  public boolean expectationsJudged() {
    return seed == scenario.seed() && durationNanos == scenario.run().untilNanos();
  }

  /** Whether the expectations held: only meaningful when {@link #expectationsJudged}. */
  public boolean expectationsMet() {
    return expectationsJudged() && unmetExpectations.isEmpty();
  }

  /** The three answers about expectations, as {@code run} prints them. */
  public enum ExpectationStatus {
    MET("met"),
    NOT_MET("not met"),
    NOT_JUDGED("not judged");

    private final String label;

    ExpectationStatus(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public ExpectationStatus expectationStatus() {
    if (!expectationsJudged()) {
      return ExpectationStatus.NOT_JUDGED;
    }
    return unmetExpectations.isEmpty() ? ExpectationStatus.MET : ExpectationStatus.NOT_MET;
  }

  /**
   * Why the run is inconclusive, one sentence each: a limit that stopped it before its end, checks
   * that could not decide. Empty when it is not. Undecided checks the scenario allows are listed
   * too: the run is still inconclusive about them, only its expectations accept that.
   */
  public List<String> inconclusiveReasons() {
    List<String> reasons = new ArrayList<>();
    if (outcome.stoppedByLimit()) {
      reasons.add(
          "the run "
              + outcome.stopReason().explanation()
              + " at "
              + Durations.format(outcome.endNanos())
              + ", before its end at "
              + Durations.format(durationNanos));
    }
    for (Undecided undecided : outcome.undecided()) {
      reasons.add(undecided.invariant() + " undecided: " + undecided.message());
    }
    return reasons;
  }

  /**
   * The command that reproduces this run exactly, shell-quoted, naming the scenario as it was
   * given: the bundled name, or the path of the file (never the file's {@code name} field, which
   * may be a bundled scenario's name).
   */
  public String reproduceCommand() {
    StringBuilder command =
        new StringBuilder("./faultline run ").append(Shell.quote(scenarioArgument(scenario)));
    command.append(" --seed ").append(seed);
    if (durationNanos != scenario.run().untilNanos()) {
      command.append(" --until ").append(Durations.format(durationNanos));
    }
    return command.append(commandOptions).toString();
  }

  /**
   * The command that shrinks this run to a smaller scenario that fails the same way, shell-quoted
   * like {@link #reproduceCommand}.
   */
  public String shrinkCommand() {
    return reproduceCommand().replaceFirst("^\\./faultline run ", "./faultline shrink ");
  }

  /** What names {@code scenario} on the command line: its bundled name, or its file's path. */
  public static String scenarioArgument(Scenario scenario) {
    String origin = scenario.origin();
    return origin.startsWith(BUNDLED) ? origin.substring(BUNDLED.length()) : origin;
  }
}
