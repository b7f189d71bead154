package faultline.scenarios.export;

import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceHeader;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A ShiViz log (Beschastnikh et al., "Debugging distributed systems", CACM 2016): the file ShiViz's
 * "upload a log" reads, that is the parser regular expression on the first line, an empty second
 * line (no delimiter: one execution), then one line per event:
 *
 * <pre>n2 {"n1":3,"n2":5} 0.012500000s INFO 41 deliver RequestVote #7 from n1</pre>
 *
 * <p>host, vector clock (JSON, entries of zero left out, as ShiViz requires), true time, priority
 * ({@code ERROR} for a violation, {@code WARN} for a fault on the node: crash, restart, pause,
 * resume, clock change; else {@code INFO}), the trace's {@code seq}, and the event's text. The
 * clocks come from {@link EventClocks}, so ShiViz draws the same happens-before as the timeline.
 *
 * <p>Every event that happens on a node is a ShiViz event: start, restart, send, deliver, timer,
 * state, note, crash, pause, resume, clock, a violation charged to a node, and protocol records
 * ({@code client}, {@code apply}, {@code member} ...). Left out, and counted in the summary: drops
 * (nothing happens on a node when the network loses a message; its send shows with no edge out),
 * and events of the whole run, which belong to no host (partition, heal, block, unblock, link,
 * halt, a violation charged to no node).
 */
public final class ShivizExport implements RunExport {
  /**
   * The parser expression. Only named groups, no other parentheses, and nothing inside a group that
   * ShiViz's own rewriting of named groups into JavaScript could misread; {@code m} mode (ShiViz's)
   * makes {@code ^} and {@code $} match at each line.
   */
  public static final String PARSER =
      "^(?<host>\\S+) (?<clock>\\{[^}]*\\}) (?<date>\\S+) (?<priority>[A-Z]+) (?<seq>\\d+)"
          + " (?<event>.*)$";

  private Writer out;
  private EventClocks clocks;
  private long written;
  private long drops;
  private long ofTheRun;

  @Override
  public void begin(TraceHeader header, Writer out) throws IOException {
    this.out = out;
    this.clocks = new EventClocks(header.nodes());
    out.write(PARSER);
    out.write("\n\n");
  }

  @Override
  public void accept(TraceEvent event) throws IOException {
    if (event instanceof TraceEvent.Drop) {
      drops++;
      return;
    }
    if (!event.at().hasNode()) {
      ofTheRun++;
      return;
    }
    long[] clock = clocks.tick(event);
    out.write(event.at().node());
    out.write(' ');
    out.write(json(clocks.nodes(), clock));
    out.write(' ');
    out.write(EventText.seconds(event.at().timeNanos()));
    out.write(' ');
    out.write(priority(event));
    out.write(' ');
    out.write(Long.toString(event.at().seq()));
    out.write(' ');
    out.write(EventText.of(event));
    out.write('\n');
    written++;
  }

  @Override
  public String finish() {
    return String.format(
        Locale.ROOT,
        "ShiViz log, %,d events on %d hosts; left out %,d drops and %,d events of the whole run",
        written,
        clocks.nodes().size(),
        drops,
        ofTheRun);
  }

  static String priority(TraceEvent event) {
    return switch (event) {
      case TraceEvent.Violation v -> "ERROR";
      case TraceEvent.Crash c -> "WARN";
      case TraceEvent.Restart r -> "WARN";
      case TraceEvent.Pause p -> "WARN";
      case TraceEvent.Resume r -> "WARN";
      case TraceEvent.Clock c -> "WARN";
      default -> "INFO";
    };
  }

  /** {@code {"n1":3,"n2":5}}: the clock's nonzero entries in node order. */
  static String json(List<String> nodes, long[] clock) {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < clock.length; i++) {
      if (clock[i] != 0) {
        text.append(text.length() > 1 ? "," : "")
            .append('"')
            .append(nodes.get(i))
            .append("\":")
            .append(clock[i]);
      }
    }
    return text.append('}').toString();
  }
}
