package faultline.scenarios.raft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.check.Violation;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bug zoo: each planted Raft mistake must be caught. Two mistakes show up under random faults
 * within a bounded range of sweep seeds; three need a precise schedule, so a scripted bundled
 * scenario plants each and must be caught, and the very same schedule without the bug must pass.
 * This is what proves the checkers can fail.
 */
class RaftBugZooTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();

  @ParameterizedTest(name = "{0} is caught within {1} random seeds")
  @CsvSource({"vote_without_log_check, 64", "accept_stale_append, 64"})
  void plantedBugIsCaughtUnderRandomFaults(String bug, int seeds) throws Exception {
    for (long seed = 1; seed <= seeds; seed++) {
      String text = JSON.writeValueAsString(RandomRaftScenario.draw(seed, List.of(bug)));
      Scenario scenario = LOADER.load("zoo-" + seed + ".json", "zoo", "zoo-" + seed, text);
      if (!violated(scenario).isEmpty()) {
        return;
      }
    }
    throw new AssertionError(bug + " was not caught in seeds 1.." + seeds);
  }

  @ParameterizedTest(name = "{1} in {0} is caught by {2}")
  @CsvSource({
    "raft/forget-vote, forget_vote_on_restart, raft.election-safety",
    "raft/figure-8, commit_earlier_term_by_counting, raft.leader-completeness",
    "raft/figure-8, commit_earlier_term_by_counting, raft.state-machine-safety",
    "raft/stale-read, stale_local_reads, kv.linearizable",
  })
  void scriptedBugIsCaughtAndTheSameScheduleWithoutItIsSafe(
      String name, String bug, String invariant) {
    Scenario planted = new Catalog(LOADER).load(name);
    assertThat(planted.source().get("params").get("bugs").toString()).contains(bug);

    assertThat(violated(planted)).contains(invariant);

    ObjectNode source = planted.source().deepCopy();
    ((ObjectNode) source.get("params")).remove("bugs");
    Scenario honest = LOADER.loadSource(name + " without " + bug, "test", source);
    assertThat(violated(honest)).isEmpty();
  }

  private static Set<String> violated(Scenario scenario) {
    Set<String> invariants = new TreeSet<>();
    ScenarioRunner.run(scenario).outcome().violations().stream()
        .map(Violation::invariant)
        .forEach(invariants::add);
    return invariants;
  }
}
