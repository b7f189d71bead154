package faultline.exercises.e05_election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * exercise-election reads the raft protocol's parameters, strictly, with the same located errors,
 * and runs the reference rules like the paper's.
 */
class ElectionBindingTest {
  private static ScenarioLoader loader() {
    return Protocols.scenarioLoader();
  }

  private static String healthy() throws IOException {
    return Files.readString(Path.of("scenarios/e05-healthy.json"));
  }

  @Test
  void aBadRaftParameterIsALocatedError() throws IOException {
    String text = healthy().replace("\"params\": {", "\"params\": {\"heartbeat\": \"400ms\",");
    var scenario = loader().load("bad.json", "bad.json", "bad", text);

    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageMatching("bad\\.json:\\d+:\\d+: params\\.heartbeat: the heartbeat .*");
  }

  @Test
  void theReferenceRulesElectALeaderAndKeepEveryInvariant() throws IOException {
    var scenario = loader().load("healthy.json", "healthy.json", "healthy", healthy());

    var outcome = ScenarioRunner.run(scenario).outcome();

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics()).containsEntry("raft.elected", 1L);
  }
}
