package faultline.app;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.FaultlineCommand;
import org.junit.jupiter.api.Test;

/**
 * The jar the launcher runs has every command: the built-in ones and each module's extensions,
 * found through ServiceLoader on this module's classpath.
 */
class CommandAssemblyTest {
  @Test
  void everyCommandIsThere() {
    assertThat(FaultlineCommand.commandLine().getSubcommands().keySet())
        .contains("list", "describe", "run", "replay", "help");
  }

  @Test
  void theVisualizerAddsVizAndExport() {
    assertThat(FaultlineCommand.commandLine().getSubcommands().keySet()).contains("viz", "export");
  }

  @Test
  void theExercisesAddGradeAndHandout() {
    assertThat(FaultlineCommand.commandLine().getSubcommands().keySet())
        .contains("grade", "handout");
  }
}
