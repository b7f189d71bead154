package faultline.scenarios.multipaxos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.check.Violation;
import faultline.engine.trace.TraceSink;
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
 * The Multi-Paxos bug zoo: each planted mistake must be caught, under random faults within a
 * bounded range of seeds of {@code multipaxos/random-faults} (the schedules its sweep runs clean),
 * and, where a precise schedule tells the story, in a scripted bundled scenario whose very same
 * schedule without the bug must pass. This is what proves the checkers can fail.
 */
class MultiPaxosBugZooTest {
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();
  private static final int SEEDS = 32;

  @ParameterizedTest(name = "{0} is caught by {1} within 32 random seeds")
  @CsvSource({
    "leader_counts_own_accept, paxos.learned-was-chosen, 3, 3",
    "new_leader_skips_recovery, paxos.agreement, 3, 3",
    "non_intersecting_quorums, paxos.agreement, 2, 2",
  })
  void plantedBugIsCaughtUnderRandomFaults(String bug, String invariant, int phase1, int phase2) {
    Scenario base = new Catalog(LOADER).load("multipaxos/random-faults");
    ObjectNode source = base.source().deepCopy();
    ObjectNode params = (ObjectNode) source.get("params");
    params.putArray("bugs").add(bug);
    params.putObject("quorums").put("phase1", phase1).put("phase2", phase2);
    Scenario planted = LOADER.loadSource("multipaxos/random-faults with " + bug, "test", source);
    for (long seed = 1; seed <= SEEDS; seed++) {
      if (violated(planted, seed).contains(invariant)) {
        return;
      }
    }
    throw new AssertionError(bug + " was not caught by " + invariant + " in seeds 1.." + SEEDS);
  }

  @ParameterizedTest(name = "{1} in {0} is caught by {2}")
  @CsvSource({
    "multipaxos/leader-crash-gap-skips-recovery, new_leader_skips_recovery, paxos.agreement",
    "flexible-paxos/quorums-non-intersecting, non_intersecting_quorums, paxos.agreement",
  })
  void scriptedBugIsCaughtAndTheSameScheduleWithoutItIsSafe(
      String name, String bug, String invariant) {
    Scenario planted = new Catalog(LOADER).load(name);
    assertThat(planted.source().get("params").get("bugs").toString()).contains(bug);

    assertThat(violated(planted, planted.seed())).contains(invariant);

    ObjectNode source = planted.source().deepCopy();
    ObjectNode params = (ObjectNode) source.get("params");
    params.remove("bugs");
    if (bug.equals("non_intersecting_quorums")) {
      params.remove("quorums"); // Without the bug they are an error; majorities intersect.
    }
    Scenario honest = LOADER.loadSource(name + " without " + bug, "test", source);
    assertThat(violated(honest, honest.seed())).isEmpty();
  }

  private static Set<String> violated(Scenario scenario, long seed) {
    Set<String> invariants = new TreeSet<>();
    ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), TraceSink.discard())
        .outcome()
        .violations()
        .stream()
        .map(Violation::invariant)
        .forEach(invariants::add);
    return invariants;
  }
}
