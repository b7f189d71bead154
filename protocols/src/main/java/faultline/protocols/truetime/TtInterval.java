package faultline.protocols.truetime;

/**
 * What {@code TT.now()} returns (Spanner, Corbett et al., OSDI 2012, §3, Table 1): an interval
 * {@code [earliest, latest]} that is guaranteed to contain the true time of the call, as long as
 * the node's clock error is at most ε. Here it is the node's wall clock widened by ε either way.
 */
public record TtInterval(long earliestNanos, long latestNanos) {
  /** {@code TT.now()} on a node whose wall clock reads {@code wallNanos}, with uncertainty ε. */
  public static TtInterval now(long wallNanos, long epsilonNanos) {
    return new TtInterval(wallNanos - epsilonNanos, wallNanos + epsilonNanos);
  }

  /** {@code TT.after(t)}: true time has certainly passed {@code t}. */
  public boolean after(long nanos) {
    return earliestNanos > nanos;
  }
}
