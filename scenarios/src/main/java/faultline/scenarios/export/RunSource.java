package faultline.scenarios.export;

import faultline.engine.trace.InMemoryTraceSink;
import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceHeader;
import faultline.engine.trace.TraceLines;
import faultline.scenarios.cli.ScenarioArgument;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import faultline.scenarios.trace.TraceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The run an export converts: a trace file, read as a stream and verified on the way (hash, end
 * line, fingerprint), or a scenario run here at the given seed into memory. Either way the
 * exporters see the same typed events, in trace order.
 */
public abstract sealed class RunSource {
  /** What the run is called in messages: the scenario's name. */
  public abstract String name();

  public abstract TraceHeader header();

  /**
   * Hands every event to {@code consumer}, in order.
   *
   * @throws faultline.scenarios.parse.ScenarioException for a trace file that turns out to be
   *     truncated, edited or malformed part way
   */
  public abstract void forEach(Consumer<TraceEvent> consumer);

  /**
   * A trace file when {@code argument} names one, else a scenario (bundled name or file) run now.
   * With {@code untilNanos}, only the run up to then: a scenario runs until that moment (as {@code
   * run --until} runs it); of a trace file, the events at or before it are handed on, and the rest
   * is still read, so that a truncated or edited file is refused all the same.
   *
   * @param untilNanos the last moment, or null for the whole run (a scenario's own length)
   * @throws faultline.scenarios.parse.ScenarioException for bad input, with a one-line reason
   */
  public static RunSource open(String argument, Long seed, Long untilNanos) {
    Path path = Path.of(argument);
    if (TraceFile.looksLikeTrace(path)) {
      return new FromTrace(path, untilNanos == null ? Long.MAX_VALUE : untilNanos);
    }
    Scenario scenario = ScenarioArgument.load(argument);
    long chosen = seed == null ? scenario.seed() : seed;
    InMemoryTraceSink sink = new InMemoryTraceSink();
    ScenarioRunner.run(
        scenario, chosen, untilNanos == null ? scenario.run().untilNanos() : untilNanos, sink);
    return new FromLines(scenario.name(), sink.lines());
  }

  /** The lines of a trace held in memory (header, events, end), as a run writes them. */
  public static RunSource ofLines(String name, List<String> lines) {
    return new FromLines(name, lines);
  }

  private static final class FromTrace extends RunSource {
    private final Path path;
    private final long untilNanos;
    private final TraceHeader header;

    FromTrace(Path path, long untilNanos) {
      this.path = path;
      this.untilNanos = untilNanos;
      try (TraceFile trace = TraceFile.open(path)) {
        this.header = trace.header();
      }
    }

    @Override
    public String name() {
      return header.scenario().path("name").asText(path.getFileName().toString());
    }

    @Override
    public TraceHeader header() {
      return header;
    }

    @Override
    public void forEach(Consumer<TraceEvent> consumer) {
      try (TraceFile trace = TraceFile.open(path)) {
        for (TraceEvent event = trace.next(); event != null; event = trace.next()) {
          if (event.at().timeNanos() <= untilNanos) {
            consumer.accept(event);
          }
        }
      }
    }
  }

  private static final class FromLines extends RunSource {
    private final String name;
    private final List<String> lines;
    private final TraceHeader header;

    FromLines(String name, List<String> lines) {
      this.name = name;
      this.lines = lines;
      this.header = TraceLines.header(TraceLines.object(lines.getFirst()));
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public TraceHeader header() {
      return header;
    }

    @Override
    public void forEach(Consumer<TraceEvent> consumer) {
      for (String line : lines.subList(1, lines.size())) {
        var object = TraceLines.object(line);
        if (TraceLines.isEnd(object)) {
          return;
        }
        consumer.accept(TraceLines.event(object));
      }
    }
  }
}
