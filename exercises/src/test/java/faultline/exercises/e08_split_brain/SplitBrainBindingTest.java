package faultline.exercises.e08_split_brain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A scenario author's mistakes in exercise-split-brain params are located errors. */
class SplitBrainBindingTest {
  private static Scenario load(String from, String to) throws IOException {
    String text = Files.readString(Path.of("scenarios/e08-gc-pause.json")).replaceFirst(from, to);
    return Protocols.scenarioLoader().load("bad.json", "bad.json", "bad", text);
  }

  @Test
  void aNodeWithoutARoleIsALocatedError() throws IOException {
    Scenario scenario = load("\"nodes\": \\[", "\"nodes\": [\"idle\", ");

    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageMatching("bad\\.json:\\d+:\\d+: params\\.candidates: idle has no role: .*");
  }

  @Test
  void aDriftBoundOutOfRangeIsALocatedError() throws IOException {
    Scenario scenario = load("\"driftBoundPpm\": 100000", "\"driftBoundPpm\": 600000");

    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageMatching("bad\\.json:\\d+:\\d+: params\\.driftBoundPpm: .*");
  }

  @Test
  void aLeaseOverAnHourIsALocatedError() throws IOException {
    Scenario scenario = load("\"lease\": \"10s\"", "\"lease\": \"2h\"");

    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageMatching("bad\\.json:\\d+:\\d+: params\\.lease: must be from 1ms to 1h");
  }
}
