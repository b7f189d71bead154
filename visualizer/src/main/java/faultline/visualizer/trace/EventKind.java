package faultline.visualizer.trace;

import faultline.scenarios.model.FaultKind;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The event types of a {@code faultline-trace} file: the engine's, then the protocol records the
 * timeline draws ({@link #CLIENT}, {@link #APPLY}), then every other record ({@link #OTHER}).
 */
public enum EventKind {
  START,
  RESTART,
  SEND,
  DELIVER,
  DROP,
  TIMER,
  STATE,
  NOTE,
  CRASH,
  PAUSE,
  RESUME,
  CLOCK,
  PARTITION,
  HEAL,
  BLOCK,
  UNBLOCK,
  LINK,
  VIOLATION,
  HALT,
  CLIENT,
  APPLY,
  /** Any other protocol record; drawn as a small mark and listed by its type name. */
  OTHER;

  private static final Map<String, EventKind> BY_LABEL = byLabel(); // Looked up, never iterated.

  /**
   * The kind for a trace {@code type} field: the constant whose {@link #label()} it is; unknown
   * types are {@link #OTHER}. {@code EventKindTest} keeps the constants before {@link #CLIENT}
   * equal to the engine's event types ({@code TraceEventTypes.NAMES}), in order.
   */
  public static EventKind of(String type) {
    return BY_LABEL.getOrDefault(type, OTHER);
  }

  private static Map<String, EventKind> byLabel() {
    Map<String, EventKind> byLabel = new HashMap<>();
    for (EventKind kind : values()) {
      byLabel.put(kind.label(), kind);
    }
    return Map.copyOf(byLabel);
  }

  /** Faults a user may want to jump between: the trace types the fault kinds write. */
  public boolean isFault() {
    return FaultKind.allTraceTypes().contains(label());
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
