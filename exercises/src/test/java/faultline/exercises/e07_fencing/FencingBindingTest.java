package faultline.exercises.e07_fencing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A node given no role in an exercise-fencing scenario is the author's mistake, located. */
class FencingBindingTest {
  @Test
  void aNodeWithoutARoleIsALocatedError() throws IOException {
    String text =
        Files.readString(Path.of("scenarios/e07-gc-pause.json"))
            .replaceFirst("\"nodes\": \\[", "\"nodes\": [\"idle\", ");
    var scenario = Protocols.scenarioLoader().load("idle.json", "idle.json", "idle", text);

    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageMatching("idle\\.json:\\d+:\\d+: params\\.clients: idle has no role: .*");
  }
}
