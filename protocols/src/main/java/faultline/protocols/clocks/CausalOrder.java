package faultline.protocols.clocks;

/**
 * How two vector clocks relate under Lamport's happened-before relation, as decided by {@link
 * VectorClock#compare}: vector clocks characterize causality exactly (Fidge 1988; Mattern 1989), so
 * the four outcomes are exhaustive and mutually exclusive.
 */
public enum CausalOrder {
  /** The receiver happened before the argument: pointwise less or equal, and not equal. */
  BEFORE,
  /** The argument happened before the receiver. */
  AFTER,
  /** The two clocks are the same value. */
  EQUAL,
  /** Neither happened before the other: each has seen an event the other has not. */
  CONCURRENT;

  /** The order seen from the other side: {@code a.compare(b).reversed() == b.compare(a)}. */
  public CausalOrder reversed() {
    return switch (this) {
      case BEFORE -> AFTER;
      case AFTER -> BEFORE;
      case EQUAL, CONCURRENT -> this;
    };
  }
}
