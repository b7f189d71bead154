package faultline.scenarios.export;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.trace.TraceEvent;
import java.util.Locale;

/**
 * One line of plain text for a trace event, for tools that show events as text (ShiViz's event
 * label, a Perfetto slice's name and arguments): the type, then what the timeline's inspector would
 * say first. Never holds a line break; payloads longer than {@link #PAYLOAD_CHARS_MAX} characters
 * are cut with an ellipsis.
 */
public final class EventText {
  static final int PAYLOAD_CHARS_MAX = 240;

  private EventText() {}

  public static String of(TraceEvent event) {
    String text =
        switch (event) {
          case TraceEvent.Start s -> "start";
          case TraceEvent.Restart r -> "restart";
          case TraceEvent.Send s ->
              "send " + s.msg() + " #" + s.id() + " to " + s.to() + " " + cut(s.payload());
          case TraceEvent.Deliver d ->
              "deliver "
                  + d.msg()
                  + " #"
                  + d.id()
                  + " from "
                  + d.from()
                  + (d.copy() > 1 ? " (copy " + d.copy() + ")" : "");
          case TraceEvent.Drop d ->
              "drop "
                  + d.msg()
                  + " #"
                  + d.id()
                  + " "
                  + d.from()
                  + "->"
                  + d.to()
                  + ": "
                  + d.reason();
          case TraceEvent.Timer t ->
              "timer " + t.timer() + (t.late() ? " (late: due " + seconds(t.dueNanos()) + ")" : "");
          case TraceEvent.State s -> "state " + cut(s.state());
          case TraceEvent.Note n -> "note " + n.text();
          case TraceEvent.Crash c ->
              "crash"
                  + (c.loseUnsyncedWrites()
                      ? " losing " + c.lostWrites() + " unsynced writes"
                      : "");
          case TraceEvent.Pause p -> "pause for " + seconds(p.durationNanos());
          case TraceEvent.Resume r -> "resume (" + r.deferred() + " deferred)";
          case TraceEvent.Clock c -> "clock " + c.change() + " " + c.field() + "=" + c.value();
          case TraceEvent.Partition p -> "partition " + p.groups();
          case TraceEvent.Heal h -> "heal";
          case TraceEvent.Block b -> "block " + b.from() + "->" + b.to();
          case TraceEvent.Unblock u -> "unblock " + u.from() + "->" + u.to();
          case TraceEvent.Link l -> "link " + l.from() + "->" + l.to();
          case TraceEvent.Violation v -> "violation " + v.invariant() + ": " + v.message();
          case TraceEvent.Halt h -> "halt " + h.reason();
          case TraceEvent.ProtocolRecord r -> r.type() + " " + cut(r.fields());
        };
    return oneLine(text);
  }

  /** True time as seconds with nanosecond digits, such as {@code 1.250000000s}. */
  public static String seconds(long nanos) {
    return String.format(
        Locale.ROOT,
        "%s%d.%09ds",
        nanos < 0 ? "-" : "",
        Math.abs(nanos / 1_000_000_000L),
        Math.abs(nanos % 1_000_000_000L));
  }

  static String cut(JsonNode value) {
    String text = value == null ? "" : value.toString();
    return text.length() <= PAYLOAD_CHARS_MAX
        ? text
        : text.substring(0, PAYLOAD_CHARS_MAX - 1) + "…";
  }

  /**
   * Replaces with a space every character that ends a line for someone: control characters (line
   * breaks, tabs, NEL) and the Unicode line and paragraph separators, which a JavaScript or Java
   * {@code .} does not match either.
   */
  static String oneLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    text.codePoints().forEach(point -> line.appendCodePoint(breaksLines(point) ? ' ' : point));
    return line.toString();
  }

  private static boolean breaksLines(int point) {
    return Character.isISOControl(point) || point == 0x2028 || point == 0x2029;
  }
}
