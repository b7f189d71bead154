package faultline.exercises.e10_swim;

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
 * The exercise-swim binding reads every swim parameter strictly, runs the student's rules in place
 * of the paper's (the reference solution, the same rules, gives the very run of {@code swim}), and
 * refuses a planted merge-rule bug that those rules would silently replace.
 */
class SwimExerciseBindingTest {
  private static Scenario load(String text) {
    return Protocols.scenarioLoader().load("e10.json", "e10.json", "e10", text);
  }

  private static String pauseScenario() throws IOException {
    return Files.readString(Path.of("scenarios/e10-gc-pause.json"));
  }

  @Test
  void aPlantedMergeRuleBugIsALocatedError() throws IOException {
    Scenario scenario =
        load(
            pauseScenario()
                .replace(
                    "\"nodes\": 10,",
                    "\"nodes\": 10, \"params\": {\"bugs\": [\"never_refute\"]},"));
    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageMatching("e10\\.json:\\d+:\\d+: params\\.bugs: exercise-swim runs your .*");
  }

  @Test
  void otherSwimParametersAreReadAndCheckedStrictly() throws IOException {
    Scenario scenario =
        load(pauseScenario().replace("\"nodes\": 10,", "\"nodes\": 10, \"params\": {\"k\": 9},"));
    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageMatching("e10\\.json:\\d+:\\d+: params\\.k: k = 9 .*");
  }

  @Test
  void theReferenceRulesRunExactlyAsThePapersDo() throws IOException {
    String exercise = pauseScenario();
    String paper = exercise.replace("\"exercise-swim\"", "\"swim\"");
    var withStudentRules = ScenarioRunner.run(load(exercise)).outcome();
    var withPaperRules = ScenarioRunner.run(load(paper)).outcome();

    assertThat(withStudentRules.metrics().get("swim.refutations")).isPositive();
    assertThat(withStudentRules.metrics()).isEqualTo(withPaperRules.metrics());
  }
}
