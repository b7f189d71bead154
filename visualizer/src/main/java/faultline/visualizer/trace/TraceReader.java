package faultline.visualizer.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.trace.TraceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run into a {@link Timeline}: from a trace file (verified first: format, version, end line
 * and hash, so a truncated or foreign file is refused with the line that is wrong), or from the
 * lines of a run made in this process.
 */
public final class TraceReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TraceReader() {}

  /**
   * Reads and verifies a trace file.
   *
   * @throws ScenarioException naming the file, line and field when it is not a whole v1 trace
   */
  public static Timeline readFile(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ScenarioException(path.toString(), 0, 0, "", "cannot read: " + e.getMessage());
    }
    TraceFile trace = TraceFile.parse(path.toString(), bytes);
    return fromLines(path.toString(), trace.lines());
  }

  /** Builds the timeline of a run's lines: header first, the end line last. */
  public static Timeline fromLines(String file, List<String> lines) {
    JsonNode header = parse(file, 1, lines.getFirst());
    List<String> nodes = new ArrayList<>();
    header.path("nodes").forEach(node -> nodes.add(node.asText()));
    String name = header.path("scenario").path("name").asText("(unnamed run)");
    TimelineBuilder builder = new TimelineBuilder(name, header.path("seed").asLong(), nodes, lines);
    int last = lines.size() - 1;
    if (last >= 1 && !lines.get(last).startsWith("{\"type\":\"end\"")) {
      last++; // A run without its end line yet: its last line is an event.
    }
    EventFields fields = new EventFields();
    for (int i = 1; i < last; i++) {
      try {
        fields.read(lines.get(i));
      } catch (IOException e) {
        throw new ScenarioException(
            file, i + 1, 1, "", "not a trace event (" + e.getMessage() + ")");
      }
      builder.add(fields);
    }
    return builder.finish();
  }

  private static JsonNode parse(String file, int lineNumber, String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(
          file, lineNumber, 1, "", "not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }
}
