package faultline.exercises.e06_replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The exercise-replication binding reads the {@code raft} params as strictly as {@code raft} does,
 * and runs the same schedule: on Figure 8 with the reference rules, the outcome of
 * raft/figure-8-fixed.
 */
class ReplicationBindingTest {
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();

  private static String figure8() throws IOException {
    return Files.readString(Path.of("scenarios/e06-figure-8.json"));
  }

  @Test
  void aNodeThatIsNeitherServerNorClientIsALocatedError() throws IOException {
    String text =
        figure8()
            .replaceFirst("\"nodes\": \\[", "\"nodes\": [\"idle\", ")
            .replaceFirst(
                "\"params\": \\{",
                "\"params\": {\"servers\": [\"n1\", \"n2\", \"n3\", \"n4\", \"n5\"], ");
    var scenario = LOADER.load("idle.json", "idle.json", "idle", text);

    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageMatching("idle\\.json:\\d+:\\d+: params\\.servers: idle is neither .*");
  }

  @Test
  void anUnknownParamIsALocatedError() throws IOException {
    String text = figure8().replaceFirst("\"params\": \\{", "\"params\": {\"fastBakup\": true, ");
    var scenario = LOADER.load("typo.json", "typo.json", "typo", text);

    assertThatThrownBy(() -> ScenarioRunner.run(scenario))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("typo.json:")
        .hasMessageContaining("fastBakup");
  }

  @Test
  void figure8WithTheReferenceRulesLosesNothingAndAnswersTheClient() throws IOException {
    var scenario = LOADER.load("e06-figure-8.json", "e06-figure-8.json", "e06", figure8());
    RunReport report =
        ScenarioRunner.run(scenario, 8, scenario.run().durationNanos(), TraceSink.discard());

    assertThat(report.outcome().violations()).isEmpty();
    assertThat(report.outcome().metrics()).containsEntry("kv.ok", 2L);
    assertThat(report.outcome().metrics()).containsEntry("raft.entriesTruncated", 3L);
  }
}
