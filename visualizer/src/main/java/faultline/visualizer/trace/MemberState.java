package faultline.visualizer.trace;

import java.util.Locale;

/**
 * What one member holds about another, as the {@code member} trace records write it (SWIM's alive,
 * suspect and faulty, a graceful leave; heartbeat detectors use alive and faulty). {@link #UNKNOWN}
 * is the absence of a record: not yet heard of, or forgotten in a crash. Ordered by how bad the
 * news is, so that an aggregate of several views can show the worst.
 */
public enum MemberState {
  UNKNOWN,
  ALIVE,
  LEFT,
  SUSPECT,
  FAULTY;

  /** The state a trace's {@code status} field names, or {@link #UNKNOWN} for any other text. */
  public static MemberState of(String status) {
    return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
      case "alive" -> ALIVE;
      case "suspect" -> SUSPECT;
      case "faulty" -> FAULTY;
      case "left" -> LEFT;
      default -> UNKNOWN;
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whichever of the two is worse news. */
  public static MemberState worse(MemberState a, MemberState b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
