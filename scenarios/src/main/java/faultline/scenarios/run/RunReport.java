package faultline.scenarios.run;

import faultline.engine.RunOutcome;
import faultline.scenarios.model.Scenario;
import java.util.List;

/**
 * A finished run: the scenario, the seed it ran with, the engine's outcome, and whether the
 * scenario's expectations held (they are judged only against the scenario's default seed).
 */
public record RunReport(
    Scenario scenario,
    long seed,
    long durationNanos,
    RunOutcome outcome,
    List<String> unmetExpectations) {
  private static final String BUNDLED = "bundled:";

  /** Expectations hold for the scenario's own seed and stopping time, so only those are judged. */
  public boolean expectationsJudged() {
    return seed == scenario.seed() && durationNanos == scenario.run().untilNanos();
  }

  public boolean expectationsMet() {
    return unmetExpectations.isEmpty();
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
      command.append(" --until ").append(faultline.scenarios.parse.Durations.format(durationNanos));
    }
    return command.toString();
  }

  /** What names {@code scenario} on the command line: its bundled name, or its file's path. */
  public static String scenarioArgument(Scenario scenario) {
    String origin = scenario.origin();
    return origin.startsWith(BUNDLED) ? origin.substring(BUNDLED.length()) : origin;
  }
}
