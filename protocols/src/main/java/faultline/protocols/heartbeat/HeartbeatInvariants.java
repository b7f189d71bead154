package faultline.protocols.heartbeat;

import faultline.engine.check.Invariant;
import faultline.protocols.membership.MembershipBounds;
import faultline.protocols.membership.MembershipChecks;
import java.util.List;

/**
 * A heartbeat group is judged by the checks every detector shares: completeness, accuracy and the
 * metrics ({@link MembershipChecks}). It has no incarnation rules of its own to check: a member's
 * incarnation only counts its restarts. Call {@link #all} once per run.
 */
public final class HeartbeatInvariants {
  private HeartbeatInvariants() {}

  public static List<Invariant> all(HeartbeatConfig config, MembershipBounds bounds) {
    return MembershipChecks.all(config.members(), bounds);
  }

  /**
   * Every member detects a crash by itself, within the longest verdict after the last heartbeat;
   * the default bound allows that plus two intervals for the last heartbeat in flight, and the
   * explanation window of a false positive is the same.
   */
  public static MembershipBounds defaultBounds(HeartbeatConfig config) {
    long bound = config.longestVerdictNanos() + 2 * config.intervalNanos();
    return new MembershipBounds(bound, bound);
  }
}
