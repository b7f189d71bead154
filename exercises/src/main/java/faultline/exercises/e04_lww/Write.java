package faultline.exercises.e04_lww;

import faultline.protocols.clocks.HybridTimestamp;

/**
 * One write to the register: who wrote it (and its sequence number there), its value, and the
 * timestamp last-writer-wins compares. A wall-clock stamp is {@code (wall, 0)}.
 */
public record Write(String origin, long sequence, String value, HybridTimestamp stamp) {
  /** True when this write wins over {@code other}: a later stamp, ties broken by origin name. */
  public boolean winsOver(Write other) {
    int byStamp = stamp.compareTo(other.stamp);
    return byStamp != 0 ? byStamp > 0 : origin.compareTo(other.origin) > 0;
  }

  /** For messages: {@code "n1-3" (by n1, stamped 250000000 ns + 0)}. */
  public String describe() {
    return "\""
        + value
        + "\" (by "
        + origin
        + ", stamped "
        + stamp.wallNanos()
        + " ns + "
        + stamp.logical()
        + ")";
  }
}
