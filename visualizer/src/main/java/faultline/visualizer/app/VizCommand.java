package faultline.visualizer.app;

import faultline.scenarios.cli.ExitCodes;
import faultline.scenarios.run.Shell;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "viz",
    mixinStandardHelpOptions = true,
    description = {
      "Open the timeline window on a scenario or a trace file.",
      "A scenario runs here with the seed. Press ? in the window for the keyboard shortcuts."
    })
final class VizCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<scenario>|<trace.jsonl>",
      arity = "0..1",
      description = "A bundled scenario name, a scenario file, or a trace written by run --trace.")
  String argument;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed for a scenario (default: its own).")
  Long seed;

  @Override
  public Integer call() {
    String display = System.getenv("DISPLAY");
    String wayland = System.getenv("WAYLAND_DISPLAY");
    boolean headless = "Headless".equals(System.getProperty("glass.platform"));
    if (isLinux()
        && !headless
        && (display == null || display.isBlank())
        && (wayland == null || wayland.isBlank())) {
      spec.commandLine()
          .getErr()
          .println(
              "faultline: viz needs a display (DISPLAY is not set); for a picture without one use"
                  + " ./faultline export "
                  + (argument == null ? "<scenario>" : Shell.quote(argument))
                  + " --format png --out run.png");
      return ExitCodes.BAD_INPUT;
    }
    VisualizerApp.setInitial(argument, seed);
    try {
      Application.launch(VisualizerApp.class);
    } catch (RuntimeException e) {
      Optional<String> machine = DisplayProblem.explain(e, argument, display);
      if (machine.isEmpty()) {
        throw e;
      }
      spec.commandLine().getErr().println("faultline: " + machine.get());
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  private static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
  }
}
