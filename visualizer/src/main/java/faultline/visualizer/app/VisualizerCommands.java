package faultline.visualizer.app;

import faultline.scenarios.cli.CommandExtension;
import picocli.CommandLine;

/**
 * Adds {@code viz} and {@code export} to {@code ./faultline}. Neither touches a JavaFX class until
 * it runs, so every other command keeps working without a display.
 */
public final class VisualizerCommands implements CommandExtension {
  @Override
  public String name() {
    return "visualizer";
  }

  @Override
  public void register(CommandLine root) {
    root.addSubcommand("viz", new VizCommand());
    root.addSubcommand("export", new ExportCommand());
  }
}
