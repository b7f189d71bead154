package faultline.protocols.membership;

/**
 * What one member believes about another. SWIM uses all of them (Das, Gupta and Motivala, DSN 2002,
 * §4.2: alive, suspected, confirmed faulty; a graceful leave as in memberlist); heartbeat detectors
 * use only {@code ALIVE} and {@code FAULTY}.
 */
public enum MemberStatus {
  /** Never heard of: not (yet) in this member's list. */
  UNKNOWN("unknown"),
  ALIVE("alive"),
  /** Failed a probe; not yet declared faulty, and may still refute (SWIM §4.2). */
  SUSPECT("suspect"),
  /** Declared failed (SWIM's confirm; a heartbeat detector's timeout). */
  FAULTY("faulty"),
  /** Left the group on purpose. */
  LEFT("left");

  private final String label;

  MemberStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Faulty or left: no longer counted as a member. */
  public boolean isGone() {
    return this == FAULTY || this == LEFT;
  }

  /** Alive or suspect: still counted as a member. */
  public boolean isMember() {
    return this == ALIVE || this == SUSPECT;
  }
}
