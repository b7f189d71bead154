package faultline.protocols.locks;

/**
 * How the storage resource uses fencing tokens (Kleppmann 2016, "Making the lock safe with
 * fencing"; Burrows 2006, Chubby section 2.4, sequencers). Both checks exist in the literature:
 * rejecting only lower tokens lets one holder write many times; rejecting equal ones too makes each
 * token good for a single write.
 */
public enum Fencing {
  /** Every write is accepted: the resource trusts the lock. */
  OFF,
  /** A write whose token is below the highest token seen is rejected. */
  REJECT_BELOW_HIGHEST,
  /** A write whose token is at or below the highest token seen is rejected. */
  REJECT_AT_OR_BELOW_HIGHEST;

  /** Whether a write with {@code token} is refused, given the highest accepted token so far. */
  public boolean rejects(long token, long highestToken) {
    return switch (this) {
      case OFF -> false;
      case REJECT_BELOW_HIGHEST -> token < highestToken;
      case REJECT_AT_OR_BELOW_HIGHEST -> token <= highestToken;
    };
  }
}
