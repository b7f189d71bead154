package faultline.protocols.swim;

import faultline.engine.check.Invariant;
import faultline.protocols.membership.MembershipBounds;
import faultline.protocols.membership.MembershipChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * SWIM's named properties: the incarnation rules of §4.2, checked on every change of every member's
 * beliefs, and the ground-truth checks every detector shares ({@link MembershipChecks}). Each keeps
 * state: call {@link #all} once per run.
 */
public final class SwimInvariants {
  /** A member's own incarnation, and every belief about another's, only grows. */
  public static final String INCARNATION_MONOTONIC = "swim.incarnation-monotonic";

  /** Only a member raises its own incarnation. */
  public static final String INCARNATION_ORIGIN = "swim.incarnation-origin";

  /** The precedence of alive and suspect messages (§4.2). */
  public static final String PRECEDENCE = "swim.precedence";

  /** A member held faulty or gone returns only at a higher incarnation. */
  public static final String NO_RESURRECTION = "swim.no-resurrection";

  /** A member that hears itself suspected refutes (§4.2). */
  public static final String REFUTATION = "swim.refutation";

  private SwimInvariants() {}

  /** The incarnation rules, then completeness, accuracy and the metrics. */
  public static List<Invariant> all(SwimConfig config, MembershipBounds bounds) {
    List<Invariant> all = new ArrayList<>();
    all.add(new IncarnationMonotonic());
    all.add(new IncarnationOrigin());
    all.add(new Precedence());
    all.add(new NoResurrection());
    all.add(new Refutation());
    all.addAll(MembershipChecks.all(config.members(), bounds));
    return List.copyOf(all);
  }

  /**
   * The bounds a SWIM group of {@code config} is judged by unless a scenario states its own.
   * Completeness: some member pings a crashed one within a few periods in expectation (§3.1; 2n - 1
   * at worst with round-robin, §4.3), the suspicion runs its course, and the verdict spreads in
   * about λ·log n periods (§4.1); the default allows ten periods for the first, the longest
   * suspicion, and twice the retransmission limit in periods for the last, each period stretched as
   * far as Local Health Awareness may stretch it.
   */
  public static MembershipBounds defaultBounds(SwimConfig config) {
    int n = config.members().size();
    long period = config.longestPeriodNanos();
    long completeness =
        10 * period + config.longestSuspicionNanos(n) + 2L * config.retransmitLimit(n) * period;
    long explain = config.longestSuspicionNanos(n) + 3 * period;
    return new MembershipBounds(completeness, explain);
  }
}
