package faultline.scenarios.swim;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.ScenarioArgument;
import faultline.scenarios.model.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's scale figure comes from {@code examples/scale/swim-1000.json}: it must load, with
 * every check of the protocol on. The ten minutes themselves are a measurement, not a test (see the
 * README's Performance section).
 */
class SwimScaleExampleTest {
  private static final Path EXAMPLE =
      Path.of("").toAbsolutePath().getParent().resolve("examples/scale/swim-1000.json");

  @Test
  void theThousandMemberRunLoads() {
    Scenario scenario = ScenarioArgument.load(EXAMPLE.toString());
    assertThat(scenario.nodes()).hasSize(1000);
    assertThat(scenario.run().untilNanos()).isEqualTo(600_000_000_000L);
    assertThat(scenario.protocol()).isEqualTo("swim");
    assertThat(scenario.faults()).hasSize(3);
  }
}
