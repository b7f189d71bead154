package faultline.scenarios.cli;

import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.sweep.SwarmConfig;
import java.io.PrintWriter;

/** {@code --swarm} on {@code sweep}, {@code run} and {@code shrink}: one rule for all three. */
final class SwarmOption {
  private SwarmOption() {}

  /** A swarm needs something to turn off; otherwise it would be the plain sweep, said once. */
  static void requireFeatures(Scenario scenario) {
    if (SwarmConfig.features(scenario).isEmpty()) {
      throw new UserError(
          "--swarm: "
              + RunReport.scenarioArgument(scenario)
              + " draws no random faults and its network neither loses, duplicates nor reorders"
              + " messages: every seed would run the plain scenario");
    }
  }

  /** The scenario as {@code seed}'s swarm configuration runs it, said on standard error. */
  static Scenario configure(Scenario scenario, long seed, PrintWriter err) {
    requireFeatures(scenario);
    SwarmConfig config = SwarmConfig.draw(scenario, seed);
    err.println("swarm configuration of seed " + seed + ": " + config.label());
    err.flush();
    return config.apply(scenario, ScenarioArgument.loader());
  }
}
