package faultline.protocols.membership;

import faultline.engine.check.Invariant;
import java.util.List;

/**
 * The checks every failure detector is judged by, against the engine's ground truth. Each keeps
 * state, so a run needs fresh instances: call {@link #all} once per run.
 */
public final class MembershipChecks {
  /** Every departed member is held faulty or gone by every live member within the bound. */
  public static final String COMPLETENESS = "membership.completeness";

  /** Never fails: false positives, counted and attributed to their causes. */
  public static final String ACCURACY = "membership.accuracy";

  /** Never fails: detection and dissemination times, and the group's size over time. */
  public static final String METRICS = "membership.metrics";

  private MembershipChecks() {}

  /** Completeness, accuracy and the metrics, for the group {@code members}. */
  public static List<Invariant> all(MemberIndex members, MembershipBounds bounds) {
    return List.of(
        new Completeness(members, bounds),
        new Accuracy(members, bounds),
        new DetectionMetrics(members));
  }
}
