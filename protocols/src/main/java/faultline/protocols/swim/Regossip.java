package faultline.protocols.swim;

/**
 * Whether a member that accepts an update passes it on. Infection-style dissemination (§4.1) needs
 * every member that learns something new to piggyback it in turn.
 */
public enum Regossip {
  /** Every member re-gossips what it accepts, a bounded number of times (§4.1). The default. */
  EVERY_RECEIVER {
    @Override
    boolean passesOn() {
      return true;
    }
  },
  /**
   * The bug zoo's {@code gossip_only_own_news}: only the member that made an update spreads it, so
   * news reaches only the few members it pings before the update's transmissions run out.
   */
  ORIGIN_ONLY {
    @Override
    boolean passesOn() {
      return false;
    }
  };

  /** True when a received update, once accepted, goes into this member's broadcast queue. */
  abstract boolean passesOn();
}
