package faultline.engine.check;

/**
 * Whether a run reached a {@link Sometimes} property and, if it did, first when: the true time and
 * the sequence number of the trace event after which it first held ({@code -1} for both when it was
 * not reached).
 */
public record SometimesResult(
    String property, String description, boolean reached, long seq, long timeNanos) {
  public static SometimesResult notReached(Sometimes property) {
    return new SometimesResult(property.name(), property.description(), false, -1, -1);
  }
}
