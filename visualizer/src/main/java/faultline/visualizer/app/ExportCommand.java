package faultline.visualizer.app;

import faultline.scenarios.cli.Activity;
import faultline.scenarios.cli.ExitCodes;
import faultline.scenarios.cli.OutputPaths;
import faultline.scenarios.cli.ProgressLine;
import faultline.scenarios.cli.UserError;
import faultline.scenarios.export.ExportFormat;
import faultline.scenarios.export.Exports;
import faultline.scenarios.export.RunSource;
import faultline.visualizer.paint.Frame;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.view.Exporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a run as a picture, or convert it for another tool.",
      "svg and png draw the whole run, without a window or a display. shiviz writes a ShiViz"
          + " log: its parser expression, then one event a line with its vector clock. perfetto (or"
          + " chrome) writes Chrome trace-event JSON for the Perfetto UI: a track per node, slices"
          + " for steps, states, crashes and pauses, arrows for messages. edn"
          + " writes the clients' history as Jepsen does, for Knossos and Elle; history (or"
          + " jsonl) the JSON Lines history that check reads, as run --history writes it.",
      "The run is a trace file, or a scenario run here with the seed. Exit 2 when the input is"
          + " not a whole trace or scenario, or the format is unknown.",
      "--steps DIR draws one picture per narration step (step-01.svg, step-01.png, ...) for"
          + " slides, as the timeline's Step control shows them."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<trace|scenario>", description = "A trace file or a scenario.")
  String argument;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = {
        "svg, png, shiviz, perfetto (or chrome), edn, history (or jsonl).",
        "With --steps: svg or png, only that one; default both."
      })
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where to write the export. Without --format its extension says the format: .svg, .png,"
              + " .log (shiviz), .json (perfetto), .edn, .jsonl (history).")
  Path out;

  @Option(
      names = "--steps",
      paramLabel = "DIR",
      description = "Write one picture per narration step into DIR instead (made if missing).")
  Path steps;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for a scenario.")
  Long seed;

  @Option(names = "--width", paramLabel = "PX", description = "Picture width (default 1600).")
  int widthPx = 1600;

  @Option(names = "--font-size", paramLabel = "PX", description = "Font size (default 13).")
  double fontSize = 13;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    Optional<ExportFormat> data = format == null ? Optional.empty() : ExportFormat.named(format);
    if (data.isPresent()) {
      return writeData(data.get());
    }
    if (steps != null) {
      return new StepExport(spec, argument, seed, widthPx, fontSize).write(steps, format);
    }
    OutputPaths.prepareFile("--out", out, spec.commandLine().getErr());
    Activity.set("reading " + argument);
    Timeline run = RunLoader.open(argument, seed);
    Activity.set(String.format(Locale.ROOT, "drawing %,d events to %s", run.eventCount(), out));
    Frame frame = Frame.whole(run, widthPx, fontSize);
    String title = "faultline " + run.name() + " --seed " + run.seed();
    try {
      write(format, frame, title, out);
    } catch (IOException e) {
      throw OutputPaths.cannotWrite("--out", out, e);
    }
    Activity.clear();
    ProgressLine.clearNow();
    spec.commandLine()
        .getOut()
        .printf("wrote %s (%s, %,d events)%n", out, format, run.eventCount());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private int writeData(ExportFormat data) {
    if (steps != null) {
      throw new UserError("--steps draws pictures: give --format svg or png, or no --format");
    }
    OutputPaths.prepareFile("--out", out, spec.commandLine().getErr());
    Activity.set("reading " + argument);
    RunSource run = RunSource.open(argument, seed);
    Activity.set("writing " + data.label() + " to " + out);
    String summary = Exports.write(data, run, out);
    Activity.clear();
    ProgressLine.clearNow();
    spec.commandLine().getOut().printf("wrote %s: %s%n", out, summary);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private void checkOptions() {
    if (format != null
        && !format.equals("svg")
        && !format.equals("png")
        && ExportFormat.named(format).isEmpty()) {
      throw new UserError(
          "--format: unknown format '"
              + format.replaceAll("\\p{Cntrl}", "?")
              + "'; expected svg, png, "
              + ExportFormat.choices());
    }
    if ((out == null) == (steps == null)) {
      throw new UserError("give either --out FILE (one picture) or --steps DIR (one per step)");
    }
    if (out != null && format == null) {
      format = formatOf(out);
    }
    if (widthPx < 200 || widthPx > 20_000 || fontSize < 6 || fontSize > 72) {
      throw new UserError("--width must be 200..20000 and --font-size 6..72");
    }
  }

  /** The format {@code --out}'s extension names, when {@code --format} is not given. */
  private static String formatOf(Path out) {
    String name = out.getFileName().toString();
    for (String picture : List.of("svg", "png")) {
      if (name.endsWith("." + picture)) {
        return picture;
      }
    }
    return ExportFormat.forFile(out)
        .map(ExportFormat::label)
        .orElseThrow(
            () ->
                new UserError(
                    "--format: cannot tell the format from the name '"
                        + name.replaceAll("\\p{Cntrl}", "?")
                        + "'; give --format svg, png, "
                        + ExportFormat.choices()));
  }

  /** Writes one picture; PNG on OpenJFX's headless platform. */
  static void write(String format, Frame frame, String title, Path file)
      throws IOException, InterruptedException {
    if (format.equals("svg")) {
      Exporter.writeSvg(frame, title, file);
    } else {
      HeadlessFx.run(
          () -> {
            Exporter.writePng(frame, title, file);
            return null;
          });
    }
  }

  /** Runs work on a JavaFX thread started on the built-in headless platform. */
  static final class HeadlessFx {
    interface Work {
      Object call() throws IOException;
    }

    static void run(Work work) throws IOException, InterruptedException {
      // JavaFX reports a missing native library by printing its own stack trace; it is held back
      // and shown only if the failure turns out to be something else.
      PrintStream stderr = System.err;
      ByteArrayOutputStream held = new ByteArrayOutputStream();
      System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
      try {
        runHeldBack(work);
      } catch (RuntimeException e) {
        if (FontProblem.isMissingFreeType(e, held.toString(StandardCharsets.UTF_8))) {
          throw new UserError(FontProblem.EXPLANATION);
        }
        stderr.print(held.toString(StandardCharsets.UTF_8));
        throw e;
      } finally {
        System.setErr(stderr);
      }
      stderr.print(held.toString(StandardCharsets.UTF_8));
    }

    private static void runHeldBack(Work work) throws IOException, InterruptedException {
      System.setProperty("glass.platform", "Headless");
      System.setProperty("prism.order", "sw");
      System.setProperty("java.awt.headless", "true");
      CompletableFuture<Object> done = new CompletableFuture<>();
      try {
        javafx.application.Platform.startup(() -> {});
      } catch (IllegalStateException alreadyStarted) {
        // Started before (in tests): reuse it.
      }
      javafx.application.Platform.runLater(
          () -> {
            try {
              done.complete(work.call());
            } catch (IOException | RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
      try {
        done.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw (RuntimeException) e.getCause();
      }
    }
  }
}
