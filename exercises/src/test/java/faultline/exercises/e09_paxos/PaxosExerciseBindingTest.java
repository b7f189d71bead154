package faultline.exercises.e09_paxos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The exercise-paxos binding reads every paxos parameter strictly, and builds each run's checkers
 * from that run's configuration (its quorums and proposed values), not from a sample.
 */
class PaxosExerciseBindingTest {
  private static Scenario withParams(String params) throws IOException {
    String text =
        Files.readString(Path.of("scenarios/e09-basic.json"))
            .replace(
                "\"params\": {\"proposers\": [{\"node\": \"n1\", \"value\": \"red\"}]}",
                "\"params\": {\"proposers\": [{\"node\": \"n1\", \"value\": \"red\"}], "
                    + params
                    + "}");
    return Protocols.scenarioLoader().load("e09.json", "e09.json", "e09", text);
  }

  @Test
  void nonIntersectingQuorumsAreALocatedError() throws IOException {
    Scenario scenario = withParams("\"quorums\": {\"phase1\": 1, \"phase2\": 2}");
    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageMatching("e09\\.json:\\d+:\\d+: params\\.quorums\\.phase2: Q1 \\+ Q2 = 3 .*");
  }

  @Test
  void theCheckersCountTheRunsOwnPhaseTwoQuorum() throws IOException {
    // With Q2 = 3 of 3, "red" is chosen only when the third acceptor accepts it: later than with
    // a majority (the runs are the same until then), which a checker built from a sample
    // configuration would not see.
    long majority = chosenAt(withParams("\"quorums\": {\"phase1\": 2, \"phase2\": 2}"));
    long all = chosenAt(withParams("\"quorums\": {\"phase1\": 2, \"phase2\": 3}"));
    assertThat(all).isGreaterThan(majority);
  }

  private static long chosenAt(Scenario scenario) {
    return ScenarioRunner.run(scenario).outcome().metrics().get("paxos.chosenAtNanos");
  }
}
