package faultline.exercises.e03_hlc;

import faultline.protocols.clocks.HybridTimestamp;

/**
 * A hybrid logical clock reading, the paper's pair (l, c): {@code l} the largest physical time
 * heard of, in nanoseconds, and {@code c} a counter of events since {@code l} last changed. Ordered
 * by {@code l}, then {@code c}.
 */
public record Hlc(long l, long c) {
  /** Before any event: below every physical reading, so the first event takes its node's clock. */
  public static final Hlc BEFORE_ANY_READING = new Hlc(Long.MIN_VALUE, 0);

  /** As the checkers see it (they refuse a negative {@code c}). */
  HybridTimestamp toTimestamp() {
    return new HybridTimestamp(l, c);
  }

  @Override
  public String toString() {
    return "(l=" + l + ", c=" + c + ")";
  }
}
