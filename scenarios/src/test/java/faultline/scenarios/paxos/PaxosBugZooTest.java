package faultline.scenarios.paxos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.check.Violation;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Paxos bug zoo: each planted mistake must be caught. Under random faults, within a bounded
 * range of seeds of {@code paxos/random-faults} (the same schedules the sweep runs clean); and
 * where a precise schedule tells the story, in a scripted bundled scenario whose very same schedule
 * without the bug must pass. This is what proves the checkers can fail.
 */
class PaxosBugZooTest {
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();
  private static final int SEEDS = 64;

  @ParameterizedTest(name = "{0} is caught by {1} within 64 random seeds")
  @CsvSource({
    "proposer_ignores_accepted_value, paxos.agreement, 3, 3",
    "forget_promise_on_restart, paxos.promises-kept, 3, 3",
    "ballots_not_unique, paxos.agreement, 3, 3",
    "accept_below_promise, paxos.no-accept-below-promise, 3, 3",
    "non_intersecting_quorums, paxos.agreement, 2, 2",
  })
  void plantedBugIsCaughtUnderRandomFaults(String bug, String invariant, int phase1, int phase2) {
    Scenario base = new Catalog(LOADER).load("paxos/random-faults");
    ObjectNode source = base.source().deepCopy();
    ObjectNode params = (ObjectNode) source.get("params");
    params.putArray("bugs").add(bug);
    params.putObject("quorums").put("phase1", phase1).put("phase2", phase2);
    Scenario planted = LOADER.loadSource("paxos/random-faults with " + bug, "test", source);
    for (long seed = 1; seed <= SEEDS; seed++) {
      if (violated(planted, seed).contains(invariant)) {
        return;
      }
    }
    throw new AssertionError(bug + " was not caught by " + invariant + " in seeds 1.." + SEEDS);
  }

  @ParameterizedTest(name = "{1} in {0} is caught by {2}")
  @CsvSource({
    "paxos/highest-accepted-ignored, proposer_ignores_accepted_value, paxos.agreement",
    "paxos/forgotten-promise, forget_promise_on_restart, paxos.promises-kept",
    "paxos/forgotten-promise, forget_promise_on_restart, paxos.no-accept-below-promise",
    "paxos/forgotten-promise, forget_promise_on_restart, paxos.agreement",
  })
  void scriptedBugIsCaughtAndTheSameScheduleWithoutItIsSafe(
      String name, String bug, String invariant) {
    Scenario planted = new Catalog(LOADER).load(name);
    assertThat(planted.source().get("params").get("bugs").toString()).contains(bug);

    assertThat(violated(planted, planted.seed())).contains(invariant);

    ObjectNode source = planted.source().deepCopy();
    ((ObjectNode) source.get("params")).remove("bugs");
    Scenario honest = LOADER.loadSource(name + " without " + bug, "test", source);
    assertThat(violated(honest, honest.seed())).isEmpty();
  }

  private static Set<String> violated(Scenario scenario, long seed) {
    Set<String> invariants = new TreeSet<>();
    ScenarioRunner.run(
            scenario, seed, scenario.run().untilNanos(), faultline.engine.trace.TraceSink.discard())
        .outcome()
        .violations()
        .stream()
        .map(Violation::invariant)
        .forEach(invariants::add);
    return invariants;
  }
}
