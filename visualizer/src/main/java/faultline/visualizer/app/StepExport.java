package faultline.visualizer.app;

import faultline.scenarios.cli.Activity;
import faultline.scenarios.cli.ExitCodes;
import faultline.scenarios.cli.OutputPaths;
import faultline.scenarios.cli.ProgressLine;
import faultline.scenarios.cli.UserError;
import faultline.scenarios.narration.ResolvedStep;
import faultline.scenarios.parse.Durations;
import faultline.visualizer.paint.Frame;
import faultline.visualizer.viewmodel.Narrator;
import faultline.visualizer.viewmodel.StepFrames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code export --steps DIR}: one picture per narration step, for slides, named {@code
 * step-01.svg}, {@code step-01.png}, ... in step order; each carries the step's caption under the
 * run's title.
 */
final class StepExport {
  private final CommandSpec spec;
  private final String argument;
  private final Long seed;
  private final Long untilNanos;
  private final int widthPx;
  private final double fontSize;

  /** {@code untilNanos}: the run up to then ({@code --until}), or null for the whole run. */
  StepExport(
      CommandSpec spec, String argument, Long seed, Long untilNanos, int widthPx, double fontSize) {
    this.spec = spec;
    this.argument = argument;
    this.seed = seed;
    this.untilNanos = untilNanos;
    this.widthPx = widthPx;
    this.fontSize = fontSize;
  }

  /** Writes the pictures in {@code format}, or in both formats when it is null. */
  int write(Path folder, String format) throws IOException, InterruptedException {
    Activity.set("reading " + argument);
    RunLoader.OpenedRun opened = RunLoader.openRun(argument, seed, untilNanos);
    List<ResolvedStep> steps = opened.steps();
    if (steps.isEmpty()) {
      throw new UserError(
          "--steps: "
              + argument
              + (opened.missing().isEmpty()
                  ? " has no narration (a trace file never has one: export the scenario)"
                  : ": no narration step finds its moment in this run"
                      + (untilNanos == null ? " (at this seed)" : " (up to --until)")));
    }
    OutputPaths.prepareFolder("--steps", folder, spec.commandLine().getErr());
    List<String> formats = format == null ? List.of("svg", "png") : List.of(format);
    List<Frame> frames = StepFrames.of(opened.timeline(), steps, widthPx, fontSize);
    String title =
        "faultline "
            + opened.timeline().name()
            + " --seed "
            + opened.timeline().seed()
            + (untilNanos == null ? "" : " --until " + Durations.format(untilNanos));
    List<String> written = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      String name = String.format(Locale.ROOT, "step-%02d", steps.get(i).number());
      Activity.set("drawing " + name);
      for (String extension : formats) {
        Path file = folder.resolve(name + "." + extension);
        try {
          ExportCommand.write(
              extension, frames.get(i), title + "\n" + Narrator.text(steps.get(i)), file);
        } catch (IOException e) {
          throw OutputPaths.cannotWrite("--steps", file, e);
        }
      }
      written.add(name);
    }
    Activity.clear();
    ProgressLine.clearNow();
    var out = spec.commandLine().getOut();
    out.printf(
        "wrote %d steps to %s (%s): %s%n",
        written.size(), folder, String.join(" and ", formats), String.join(" ", written));
    opened.missing().forEach(line -> out.println("left out: " + line));
    out.flush();
    return ExitCodes.OK;
  }
}
