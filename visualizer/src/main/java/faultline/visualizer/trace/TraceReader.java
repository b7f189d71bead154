package faultline.visualizer.trace;

import faultline.engine.trace.MalformedTraceException;
import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceHeader;
import faultline.engine.trace.TraceLines;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.trace.TraceFile;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a run into a {@link Timeline}: from a trace file, as a stream of typed events checked on
 * the way (format, version, end line and hash, so a truncated or foreign file is refused with the
 * line that is wrong), or from the lines of a run made in this process.
 */
public final class TraceReader {
  private TraceReader() {}

  /**
   * Reads and verifies a trace file.
   *
   * @throws ScenarioException naming the file, line and field when it is not a whole trace
   */
  public static Timeline readFile(Path path) {
    return readFile(path, Long.MAX_VALUE);
  }

  /**
   * Reads and verifies a trace file, keeping the events at or before {@code untilNanos}: the run up
   * to then, as {@code export --until} draws it. The rest is read and checked all the same.
   *
   * @throws ScenarioException naming the file, line and field when it is not a whole trace
   */
  public static Timeline readFile(Path path, long untilNanos) {
    try (TraceFile trace = TraceFile.open(path)) {
      TraceHeader header = trace.header();
      TimelineBuilder builder = new TimelineBuilder(nameOf(header), header.seed(), header.nodes());
      builder.addLine(trace.headerLine());
      for (TraceEvent event = trace.next(); event != null; event = trace.next()) {
        if (event.at().timeNanos() <= untilNanos) {
          builder.add(event, trace.line());
        }
      }
      return builder.finish();
    }
  }

  /** Builds the timeline of a run's lines: header first, then events, the end line last if any. */
  public static Timeline fromLines(String file, List<String> lines) {
    TraceHeader header = TraceLines.header(TraceLines.object(lines.getFirst()));
    TimelineBuilder builder = new TimelineBuilder(nameOf(header), header.seed(), header.nodes());
    builder.addLine(lines.getFirst());
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      try {
        var object = TraceLines.object(line);
        if (TraceLines.isEnd(object)) {
          builder.addLine(line);
          break;
        }
        builder.add(TraceLines.event(object), line);
      } catch (MalformedTraceException e) {
        throw new ScenarioException(
            file, i + 1, e.column(), e.field(), "not a trace event (" + e.getMessage() + ")");
      }
    }
    return builder.finish();
  }

  private static String nameOf(TraceHeader header) {
    return header.scenario().path("name").asText("(unnamed run)");
  }
}
