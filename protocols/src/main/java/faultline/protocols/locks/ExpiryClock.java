package faultline.protocols.locks;

/** The clock by which the lock service decides that a lease has expired. */
public enum ExpiryClock {
  /**
   * The service's own monotonic clock: it drifts with the oscillator but never jumps. The right
   * choice (Gray and Cheriton 1989, section 2: a lease term is a duration, not a date).
   */
  MONOTONIC,
  /** The service's own wall clock: an NTP step or an operator's date change moves every expiry. */
  WALL,
  /**
   * The requester's wall clock: the lease record holds an expiry date written from the holder's
   * clock, and a candidate takes the lock when its own clock says that date has passed. This is how
   * many database- and key-value-store leader elections are built, and why clock skew between
   * candidates breaks them.
   */
  REQUESTER_WALL
}
