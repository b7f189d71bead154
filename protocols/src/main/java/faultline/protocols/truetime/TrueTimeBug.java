package faultline.protocols.truetime;

/**
 * Mistakes in the use of TrueTime that a scenario can plant (the bug zoo), each replacing one rule
 * of the configuration, to show that the external-consistency check catches them.
 */
public enum TrueTimeBug {
  /** The commit timestamp is TT.now().earliest rather than latest (§4.1.2, Start). */
  TIMESTAMP_FROM_EARLIEST,
  /** The commit wait ends when the local clock passes the timestamp, not when TT.after is true. */
  WAIT_ON_LOCAL_CLOCK
}
