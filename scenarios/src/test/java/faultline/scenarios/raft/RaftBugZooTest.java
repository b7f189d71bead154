package faultline.scenarios.raft;

import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.engine.check.Violation;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bug zoo under random faults: each planted Raft mistake must be caught by one of the named
 * invariants within a bounded range of sweep seeds. This is what proves the checkers can fail.
 */
class RaftBugZooTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} is caught within {1} seeds")
  @CsvSource({
    "vote_without_log_check, 64",
    "forget_vote_on_restart, 64",
    "accept_stale_append, 64",
    "commit_earlier_term_by_counting, 64",
  })
  void plantedBugIsCaught(String bug, int seeds) throws Exception {
    Set<String> caughtBy = new TreeSet<>();
    for (long seed = 1; seed <= seeds; seed++) {
      String text = JSON.writeValueAsString(RandomRaftScenario.draw(seed, List.of(bug)));
      Scenario scenario =
          new ScenarioLoader(Protocols.invariantsByProtocol())
              .load("zoo-" + seed + ".json", "zoo", "zoo-" + seed, text);
      RunReport report = ScenarioRunner.run(scenario);
      report.outcome().violations().stream().map(Violation::invariant).forEach(caughtBy::add);
      if (!caughtBy.isEmpty()) {
        System.out.println(bug + " caught at seed " + seed + " by " + caughtBy);
        return;
      }
    }
    throw new AssertionError(bug + " was not caught in seeds 1.." + seeds);
  }
}
