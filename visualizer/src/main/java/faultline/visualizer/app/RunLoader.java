package faultline.visualizer.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.scenarios.cli.ScenarioArgument;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.run.ScenarioRunner;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceReader;
import faultline.visualizer.viewmodel.WhatIf;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a command-line argument into a run: a trace file is read and verified; a scenario (bundled
 * name or file) is run in this process with the given seed. This is the only part of the visualizer
 * that touches the engine, as MASON's GUI wraps its model.
 */
public final class RunLoader {
  private RunLoader() {}

  /**
   * Opens a trace or runs a scenario.
   *
   * @throws ScenarioException or a user error, with a one-line reason, for bad input
   */
  public static Timeline open(String argument, Long seed) {
    Path path = Path.of(argument);
    if (Files.isRegularFile(path) && looksLikeTrace(path)) {
      return TraceReader.readFile(path);
    }
    Scenario scenario = ScenarioArgument.load(argument);
    return run(scenario, seed == null ? scenario.seed() : seed);
  }

  static Timeline run(Scenario scenario, long seed) {
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), sink);
    return TraceReader.fromLines(scenario.name(), sink.lines());
  }

  /** Re-runs an edited scenario for the what-if pane. */
  public static WhatIf.Runner whatIfRunner() {
    return (ObjectNode source, long seed) -> {
      try {
        Scenario scenario =
            ScenarioArgument.loader().loadSource("edited scenario", "what-if", source);
        InMemoryTraceSink sink = new InMemoryTraceSink();
        ScenarioRunner.run(scenario, seed, scenario.run().untilNanos(), sink);
        return List.copyOf(sink.lines());
      } catch (ScenarioException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    };
  }

  /** A {@code .jsonl} file, or any file whose first line is a trace header. */
  static boolean looksLikeTrace(Path path) {
    if (path.getFileName().toString().endsWith(".jsonl")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(path)) {
      String start = new String(in.readNBytes(200), StandardCharsets.UTF_8);
      return start.startsWith("{\"type\":\"header\"") || start.contains("faultline-trace");
    } catch (IOException e) {
      return false;
    }
  }
}
