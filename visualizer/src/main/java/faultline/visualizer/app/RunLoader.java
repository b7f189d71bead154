package faultline.visualizer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.cli.ScenarioArgument;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.narration.NarrationResolver;
import faultline.scenarios.narration.ResolvedStep;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.run.ScenarioRunner;
import faultline.scenarios.trace.TraceFile;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceReader;
import faultline.visualizer.viewmodel.NarrationFinder;
import faultline.visualizer.viewmodel.WhatIf;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a command-line argument into a run: a trace file is read and verified; a scenario (bundled
 * name or file) is run in this process with the given seed. This is the only part of the visualizer
 * that touches the engine, as MASON's GUI wraps its model.
 */
public final class RunLoader {
  private RunLoader() {}

  /**
   * A run opened for the window or an export, with its narration found in it.
   *
   * @param steps the narration's steps found in this run; none for a trace file, whose header
   *     leaves the narration out
   * @param missing a line per step this run lacks (only at another seed than the scenario's own)
   * @param narration finds the same narration in a re-run of the scenario (what-if); {@link
   *     NarrationFinder#NONE} for a trace file
   * @param writtenNarration the scenario file's {@code narration} array as written, which a saved
   *     what-if keeps; a missing node for a trace file or a scenario without narration
   */
  public record OpenedRun(
      Timeline timeline,
      List<ResolvedStep> steps,
      List<String> missing,
      NarrationFinder narration,
      JsonNode writtenNarration) {}

  /**
   * Opens a trace or runs a scenario.
   *
   * @throws ScenarioException or a user error, with a one-line reason, for bad input
   */
  public static Timeline open(String argument, Long seed) {
    return openRun(argument, seed).timeline();
  }

  /**
   * Opens a trace or runs a scenario, and finds the scenario's narration in the run. At the
   * scenario's own seed a step that finds nothing is a {@link ScenarioException} at the step; at
   * another seed it is left out and named in {@link OpenedRun#missing()}.
   */
  public static OpenedRun openRun(String argument, Long seed) {
    return openRun(argument, seed, null);
  }

  /**
   * As {@link #openRun(String, Long)}, up to a moment ({@code export --until}): a scenario runs
   * until {@code untilNanos}, as {@code run --until} runs it, and a trace file gives its events up
   * to then. A run cut short is not the one the narration was written for, so its steps that find
   * nothing are left out and named, as at another seed.
   *
   * @param untilNanos the last moment, or null for the whole run (a scenario's own length)
   */
  public static OpenedRun openRun(String argument, Long seed, Long untilNanos) {
    Path path = Path.of(argument);
    if (TraceFile.looksLikeTrace(path)) {
      return new OpenedRun(
          TraceReader.readFile(path, untilNanos == null ? Long.MAX_VALUE : untilNanos),
          List.of(),
          List.of(),
          NarrationFinder.NONE,
          MissingNode.getInstance());
    }
    Scenario scenario = ScenarioArgument.load(argument);
    long chosen = seed == null ? scenario.seed() : seed;
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(
        scenario, chosen, untilNanos == null ? scenario.run().untilNanos() : untilNanos, sink);
    boolean narrationsOwnRun = chosen == scenario.seed() && untilNanos == null;
    NarrationResolver.Resolution narration =
        NarrationResolver.resolve(scenario.narration(), sink.lines(), chosen, narrationsOwnRun);
    return new OpenedRun(
        TraceReader.fromLines(scenario.name(), sink.lines()),
        narration.steps(),
        narration.missing(),
        (lines, runSeed) -> NarrationResolver.resolve(scenario.narration(), lines, runSeed, false),
        scenario.source().path("narration"));
  }

  /** Re-runs an edited scenario for the what-if pane. */
  public static WhatIf.Runner whatIfRunner() {
    return (ObjectNode source, long seed) ->
        asUserError(
            () -> {
              Scenario scenario = loadEdited(source);
              return run(scenario, seed);
            });
  }

  /**
   * Finds an edited scenario's narration in its run at its own seed, as opening the saved file will
   * (where a step that finds nothing is an error), for the what-if pane's save.
   */
  public static WhatIf.NarrationCheck narrationCheck() {
    return (ObjectNode source) ->
        asUserError(
            () -> {
              Scenario scenario = loadEdited(source);
              List<String> lines = run(scenario, scenario.seed());
              return NarrationResolver.resolve(scenario.narration(), lines, scenario.seed(), false)
                  .steps()
                  .stream()
                  .map(ResolvedStep::number)
                  .collect(Collectors.toUnmodifiableSet());
            });
  }

  private static Scenario loadEdited(ObjectNode source) {
    return ScenarioArgument.loader().loadSource("edited scenario", "what-if", source);
  }

  private static List<String> run(Scenario scenario, long seed) {
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), sink);
    return List.copyOf(sink.lines());
  }

  /** An edited scenario the loader or the run refuses is the pane's one-line reason. */
  private static <T> T asUserError(Supplier<T> work) {
    try {
      return work.get();
    } catch (ScenarioException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
