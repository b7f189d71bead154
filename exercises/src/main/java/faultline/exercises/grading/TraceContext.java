package faultline.exercises.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.model.FaultKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the failing node was doing when an invariant broke, read back from the trace: the input its
 * handler was processing (a delivery, a timer, a start) and the last fault that hit it. A violation
 * is caught after the handler's effects, so its own sequence number points past the cause; this
 * names the cause.
 */
final class TraceContext {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUTS = Set.of("deliver", "timer", "start", "restart");

  /** The trace types the fault kinds write; only those that name a node can match. */
  private static final Set<String> FAULTS = FaultKind.allTraceTypes();

  private TraceContext() {}

  /** Lines such as {@code n2 was handling: timer GOSSIP_DUE (event #2708)}; empty if unknown. */
  static List<String> describe(Path trace, String node, long violationSeq) throws IOException {
    JsonNode input = null;
    JsonNode fault = null;
    try (BufferedReader reader = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode event = JSON.readTree(line);
        if (!event.has("seq") || event.get("seq").asLong() >= violationSeq) {
          continue;
        }
        if (!node.equals(event.path("node").asText())) {
          continue;
        }
        String type = event.path("type").asText();
        if (INPUTS.contains(type)) {
          input = event;
        }
        if (FAULTS.contains(type)) {
          fault = event;
        }
      }
    }
    List<String> lines = new ArrayList<>();
    if (input != null) {
      lines.add(node + " was handling: " + describeInput(input) + " (event #" + seq(input) + ")");
    }
    if (fault != null) {
      lines.add(
          "last fault at "
              + node
              + ": "
              + fault.path("type").asText()
              + " at t="
              + SimulationCheck.millis(fault.path("t").asLong())
              + " (event #"
              + seq(fault)
              + ")");
    }
    return lines;
  }

  private static String describeInput(JsonNode event) {
    return switch (event.path("type").asText()) {
      case "deliver" ->
          "delivery of "
              + event.path("msg").asText()
              + " from "
              + event.path("from").asText()
              + payload(event);
      case "timer" -> "timer " + event.path("timer").asText();
      default -> event.path("type").asText(); // start, restart: onStart.
    };
  }

  private static String payload(JsonNode event) {
    JsonNode payload = event.get("payload");
    if (payload == null) {
      return "";
    }
    String text = payload.toString();
    return " " + (text.length() > 80 ? text.substring(0, 80) + "…" : text);
  }

  private static String seq(JsonNode event) {
    return String.format(Locale.ROOT, "%d", event.path("seq").asLong());
  }
}
