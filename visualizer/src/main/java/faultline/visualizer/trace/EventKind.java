package faultline.visualizer.trace;

import faultline.scenarios.model.FaultKind;
import java.util.Locale;

/** The event types of a {@code faultline-trace} v1 file, plus the protocol records we draw. */
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

  /** The kind for a trace {@code type} field; unknown types are {@link #OTHER}. */
  public static EventKind of(String type) {
    return switch (type) {
      case "start" -> START;
      case "restart" -> RESTART;
      case "send" -> SEND;
      case "deliver" -> DELIVER;
      case "drop" -> DROP;
      case "timer" -> TIMER;
      case "state" -> STATE;
      case "note" -> NOTE;
      case "crash" -> CRASH;
      case "pause" -> PAUSE;
      case "resume" -> RESUME;
      case "clock" -> CLOCK;
      case "partition" -> PARTITION;
      case "heal" -> HEAL;
      case "block" -> BLOCK;
      case "unblock" -> UNBLOCK;
      case "link" -> LINK;
      case "violation" -> VIOLATION;
      case "halt" -> HALT;
      case "client" -> CLIENT;
      case "apply" -> APPLY;
      default -> OTHER;
    };
  }

  /** Faults a user may want to jump between: the trace types the fault kinds write. */
  public boolean isFault() {
    return FaultKind.allTraceTypes().contains(label());
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
