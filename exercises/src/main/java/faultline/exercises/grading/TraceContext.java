package faultline.exercises.grading;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.trace.TraceEvent;
import faultline.scenarios.trace.TraceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the failing node was doing when an invariant broke, read back from the trace: the input its
 * handler was processing (a delivery, with the payload of the message as it was sent; a timer; a
 * start) and the last fault that hit it. A violation is caught after the handler's effects, so its
 * own sequence number points past the cause; this names the cause.
 */
final class TraceContext {
  private TraceContext() {}

  /** Lines such as {@code n2 was handling: timer GOSSIP_DUE (event #2708)}; empty if unknown. */
  static List<String> describe(Path trace, String node, long violationSeq) {
    TraceEvent input = null;
    TraceEvent fault = null;
    // Payloads of the messages sent to the node, by id: a delivery names its message, the send
    // carries it.
    Map<Long, JsonNode> payloads = new HashMap<>();
    try (TraceFile file = TraceFile.open(trace)) {
      for (TraceEvent event = file.next(); event != null; event = file.next()) {
        if (event.at().seq() >= violationSeq) {
          break;
        }
        if (event instanceof TraceEvent.Send send && node.equals(send.to())) {
          payloads.put(send.id(), send.payload());
        }
        if (!node.equals(event.at().node())) {
          continue;
        }
        switch (event) {
          case TraceEvent.Deliver d -> input = d;
          case TraceEvent.Timer t -> input = t;
          case TraceEvent.Start s -> input = s;
          case TraceEvent.Restart r -> {
            input = r;
            fault = r;
          }
          case TraceEvent.Crash c -> fault = c;
          case TraceEvent.Pause p -> fault = p;
          case TraceEvent.Resume r -> fault = r;
          case TraceEvent.Clock c -> fault = c;
          default -> {}
        }
      }
    }
    List<String> lines = new ArrayList<>();
    if (input != null) {
      lines.add(
          node
              + " was handling: "
              + describeInput(input, payloads)
              + " (event #"
              + seq(input)
              + ")");
    }
    if (fault != null) {
      lines.add(
          "last fault at "
              + node
              + ": "
              + fault.type()
              + " at t="
              + SimulationCheck.millis(fault.at().timeNanos())
              + " (event #"
              + seq(fault)
              + ")");
    }
    return lines;
  }

  private static String describeInput(TraceEvent event, Map<Long, JsonNode> payloads) {
    return switch (event) {
      case TraceEvent.Deliver d ->
          "delivery of " + d.msg() + " from " + d.from() + payload(payloads.get(d.id()));
      case TraceEvent.Timer t -> "timer " + t.timer();
      default -> event.type(); // start, restart: onStart.
    };
  }

  private static String payload(JsonNode payload) {
    if (payload == null) {
      return "";
    }
    String text = payload.toString();
    return " " + (text.length() > 80 ? text.substring(0, 80) + "…" : text);
  }

  private static String seq(TraceEvent event) {
    return String.format(Locale.ROOT, "%d", event.at().seq());
  }
}
