package faultline.protocols.truetime.check;

import faultline.engine.check.Invariant;
import faultline.protocols.truetime.TrueTimeConfig;
import java.util.List;

/**
 * The TrueTime commit protocol's checks: external consistency, the clock assumption it rests on,
 * and the commit-wait measurements. Each keeps state: call {@link #all} once per run.
 */
public final class TrueTimeInvariants {
  /** A transaction that starts after another's commit is visible gets a larger timestamp. */
  public static final String EXTERNAL_CONSISTENCY = "truetime.external-consistency";

  /** Every server's clock error is at most ε, so TT.now() contains the true time. */
  public static final String INTERVAL_CONTAINS_NOW = "truetime.interval-contains-now";

  /** Never fails: commits and commit-wait percentiles, in true time. */
  public static final String METRICS = "truetime.metrics";

  private TrueTimeInvariants() {}

  public static List<Invariant> all(TrueTimeConfig config) {
    return List.of(
        new ExternalConsistency(config),
        new IntervalContainsNow(config),
        new CommitMetrics(config));
  }
}
