package faultline.protocols.membership;

/**
 * The time limits a detector's checks judge by.
 *
 * @param completenessNanos how long after a member crashes or leaves every live member must hold it
 *     faulty or gone ({@code membership.completeness}); a scenario may state its own
 * @param explainWindowNanos how far back a false positive's cause is looked for: a pause, a cut or
 *     lost message, a restart within this window before the verdict explains it (the longest a
 *     verdict can take to form: a suspicion's length plus a couple of protocol periods)
 */
public record MembershipBounds(long completenessNanos, long explainWindowNanos) {
  public MembershipBounds {
    if (completenessNanos <= 0 || explainWindowNanos <= 0) {
      throw new IllegalArgumentException("membership bounds must be positive");
    }
  }
}
