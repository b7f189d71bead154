package faultline.visualizer.app;

import faultline.scenarios.cli.Activity;
import faultline.scenarios.cli.DurationOptions;
import faultline.scenarios.cli.ExitCodes;
import faultline.scenarios.cli.OutputPaths;
import faultline.scenarios.cli.ProgressLine;
import faultline.scenarios.cli.UserError;
import faultline.scenarios.export.ExportFormat;
import faultline.scenarios.export.Exports;
import faultline.scenarios.export.RunSource;
import faultline.scenarios.parse.Durations;
import faultline.visualizer.paint.Frame;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.view.Exporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
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
      "The run is a trace file, or a scenario run here with the seed. --until cuts it short: a"
          + " scenario runs until then, as run --until runs it, and of a trace file the events up"
          + " to then are kept. --from (pictures only) draws from a later moment.",
      "-o - writes a data format to standard output, for a pipe; its summary goes to standard"
          + " error. A reader that leaves early (| head) stops the export quietly, with exit"
          + " 141 as for any filter whose reader left.",
      "Exit 2 when the input is not a whole trace or scenario, the format is unknown, or an"
          + " option does not apply to the format (--width, --font-size and --from to data"
          + " formats, -o - to pictures).",
      "--steps DIR draws one picture per narration step (step-01.svg, step-01.png, ...) for"
          + " slides, as the timeline's Step control shows them."
    })
final class ExportCommand implements Callable<Integer> {
  private static final int WIDTH_DEFAULT_PX = 1600;
  private static final double FONT_SIZE_DEFAULT = 13;

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
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "Where to write the export; - for standard output (data formats). Without --format its"
              + " extension says the format: .svg, .png, .log (shiviz), .json (perfetto), .edn,"
              + " .jsonl (history).")
  Path out;

  @Option(
      names = "--steps",
      paramLabel = "DIR",
      description = "Write one picture per narration step into DIR instead (made if missing).")
  Path steps;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for a scenario.")
  Long seed;

  @Option(
      names = "--until",
      paramLabel = "DURATION",
      description =
          "Only the run up to this moment, like 2s or 750ms: a scenario runs until then, a trace"
              + " file gives its events up to then (default: the whole run).")
  String until;

  @Option(
      names = "--from",
      paramLabel = "DURATION",
      description = "Draw from this moment on, like 900ms (pictures only; default: the start).")
  String from;

  @Option(
      names = "--width",
      paramLabel = "PX",
      description = "Picture width (default 1600; pictures only).")
  Integer widthPx;

  @Option(
      names = "--font-size",
      paramLabel = "PX",
      description = "Font size (default 13; pictures only).")
  Double fontSize;

  @Override
  public Integer call() throws Exception {
    Optional<ExportFormat> data = checkOptions();
    Long untilNanos = until == null ? null : DurationOptions.positive("--until", until);
    long fromNanos = from == null ? 0 : DurationOptions.notNegative("--from", from);
    if (untilNanos != null && fromNanos >= untilNanos) {
      throw new UserError("--from " + from + " must come before --until " + until);
    }
    if (data.isPresent()) {
      return writeData(data.get(), untilNanos);
    }
    if (steps != null) {
      return new StepExport(spec, argument, seed, untilNanos, width(), fontSize())
          .write(steps, format);
    }
    return writePicture(fromNanos, untilNanos);
  }

  private int writePicture(long fromNanos, Long untilNanos)
      throws IOException, InterruptedException {
    OutputPaths.prepareFile("--out", out, spec.commandLine().getErr());
    Activity.set("reading " + argument);
    Timeline run = RunLoader.openRun(argument, seed, untilNanos).timeline();
    if (fromNanos >= Math.max(1, run.endNanos()) && untilNanos == null) {
      throw new UserError(
          "--from "
              + from
              + ": the run ends at "
              + Durations.format(run.endNanos())
              + "; give an earlier moment");
    }
    Activity.set(String.format(Locale.ROOT, "drawing %,d events to %s", run.eventCount(), out));
    long endNanos = untilNanos == null ? Math.max(1, run.endNanos()) : untilNanos;
    Frame frame = Frame.window(run, fromNanos, endNanos, width(), fontSize());
    // The title names the run and the window, as the command line gave them.
    String title =
        "faultline "
            + run.name()
            + " --seed "
            + run.seed()
            + (from == null ? "" : " --from " + from)
            + (until == null ? "" : " --until " + until);
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

  private int width() {
    return widthPx == null ? WIDTH_DEFAULT_PX : widthPx;
  }

  private double fontSize() {
    return fontSize == null ? FONT_SIZE_DEFAULT : fontSize;
  }

  private int writeData(ExportFormat data, Long untilNanos) {
    if (steps != null) {
      throw new UserError("--steps draws pictures: give --format svg or png, or no --format");
    }
    boolean standardOutput = toStandardOutput();
    if (!standardOutput) {
      OutputPaths.prepareFile("--out", out, spec.commandLine().getErr());
    }
    Activity.set("reading " + argument);
    RunSource run = RunSource.open(argument, seed, untilNanos);
    Activity.set("writing " + data.label() + " to " + (standardOutput ? "standard output" : out));
    Optional<String> written =
        standardOutput
            ? Exports.writeTo(data, run, spec.commandLine().getOut(), System.out)
            : Optional.of(Exports.write(data, run, out));
    Activity.clear();
    if (written.isEmpty()) {
      ProgressLine.clearNow();
      return ExitCodes.READER_GONE;
    }
    String summary = written.get();
    ProgressLine.clearNow();
    // On standard output the export is the output: what was written goes to standard error, as
    // sweep does, so that a pipe receives only the export.
    PrintWriter report = standardOutput ? spec.commandLine().getErr() : spec.commandLine().getOut();
    report.printf("wrote %s: %s%n", standardOutput ? "standard output" : out, summary);
    report.flush();
    return ExitCodes.OK;
  }

  /**
   * Checks the options against each other before anything runs; returns the data format asked for,
   * or empty for pictures.
   */
  private Optional<ExportFormat> checkOptions() {
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
    if (toStandardOutput() && format == null) {
      throw new UserError(
          "--out -: give the format to write to standard output: --format "
              + ExportFormat.choices());
    }
    if (out != null && format == null) {
      format = formatOf(out);
    }
    Optional<ExportFormat> data = ExportFormat.named(format == null ? "" : format);
    if (data.isPresent()) {
      refusePictureOption("--width", widthPx, data.get());
      refusePictureOption("--font-size", fontSize, data.get());
      refusePictureOption("--from", from, data.get());
    } else if (toStandardOutput()) {
      throw new UserError(
          "--out -: a picture is not written to standard output; name a ."
              + format
              + " file, or give a data format: "
              + ExportFormat.choices());
    }
    if (steps != null && from != null) {
      throw new UserError("--from: not with --steps, whose pictures each show their step's moment");
    }
    if (width() < 200 || width() > 20_000 || fontSize() < 6 || fontSize() > 72) {
      throw new UserError("--width must be 200..20000 and --font-size 6..72");
    }
    return data;
  }

  /** An option that shapes a picture, given with a data format, which it would not change. */
  private static void refusePictureOption(String option, Object value, ExportFormat data) {
    if (value == null) {
      return;
    }
    boolean from = option.equals("--from");
    throw new UserError(
        option
            + " applies to pictures ("
            + (from ? "svg, png" : "svg, png, --steps")
            + "), not to the "
            + data.label()
            + " format"
            + (from ? ": a data export needs the run from its start (--until cuts its end)" : ""));
  }

  private boolean toStandardOutput() {
    return out != null && out.toString().equals("-");
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
