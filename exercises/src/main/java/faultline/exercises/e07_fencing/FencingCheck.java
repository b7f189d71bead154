package faultline.exercises.e07_fencing;

import faultline.protocols.locks.StorageResourceNode;

/**
 * Exercise 7: the storage's side of fencing tokens (Kleppmann, "How to do distributed locking",
 * 2016, "Making the lock safe with fencing"; Burrows, "The Chubby lock service", OSDI 2006, section
 * 2.4, sequencers).
 *
 * <p>The lock service hands out a token with every lease, one larger than the last. Clients send it
 * with every write. The storage remembers the highest token it has accepted (the given code does
 * that) and asks {@link #rejects} about each write. You write that rule.
 */
public final class FencingCheck implements StorageResourceNode.TokenCheck {
  /**
   * Whether the storage refuses a write carrying {@code token}, when the highest token it has
   * accepted so far is {@code highestToken} (0 before the first write). A write from the newest
   * lease must get through, as often as its holder writes; one from a lease that a newer one has
   * already written under must not.
   */
  @Override
  public boolean rejects(long token, long highestToken) {
    // BEGIN SOLUTION
    return token < highestToken;
    // END SOLUTION
    // STUB: // Your code here: refuse writes from leases older than the newest one seen.
    // STUB: return false;
  }
}
