package faultline.protocols.leases;

/**
 * The rule by which a {@link LeaderNode} decides it may still act on its lease, and when it steps
 * down (Gray and Cheriton 1989, section 3; Ongaro's dissertation 2014, section 6.4.1: a lease
 * counted from when the heartbeats were sent, safe only under a bound on clock drift). A leader can
 * only measure its lease on its own clocks, so the rule decides which reading counts, from when,
 * and with how much margin.
 *
 * <p>The leader calls {@link #granted} each time a grant or renewal arrives, arms its step-down
 * timer for the delay that returns, asks {@link #stepDownWhenTimerFires} when that timer fires, and
 * asks {@link #mayAct} just before each leader action (a write to the storage): {@code false} makes
 * it step down instead. One instance serves one node for its whole life; it may keep state. The
 * {@code leases.single-leader} invariant also asks {@link #mayAct}, with the node's clocks at each
 * instant, whether the node would act then; so it must not change state.
 */
public interface LeaseGuard {
  /** From {@link #granted}: arm no step-down timer. */
  long NO_TIMER = Long.MAX_VALUE;

  /**
   * A lease as the leader knows it.
   *
   * @param requestSentMonoNanos the leader's monotonic clock when it sent the request (acquire or
   *     renewal) that this grant answers
   * @param requestSentWallNanos its wall clock at the same moment
   * @param leaseNanos the lease's length (TTL), which the lock service counts from when it received
   *     the request, on its own clock
   */
  record Lease(long requestSentMonoNanos, long requestSentWallNanos, long leaseNanos) {}

  /** The leader's two clocks, read at one instant. */
  record Now(long monoNanos, long wallNanos) {}

  /**
   * A grant or renewal of the lease arrived at {@code arrival}. Returns how long from now, on the
   * monotonic clock, the leader's step-down timer should wait (a renewal re-arms it), or {@link
   * #NO_TIMER}; a negative delay fires at once.
   */
  long granted(Lease lease, Now arrival);

  /** Whether the leader may act as leader at {@code now}. It must not change state. */
  boolean mayAct(Now now);

  /** The step-down timer fired at {@code now}: whether to step down. */
  default boolean stepDownWhenTimerFires(Now now) {
    return !mayAct(now);
  }

  /**
   * The guard a {@link LeaderNode} uses unless given another: from the request, with {@code
   * leaseMarginNanos} to spare, checked before each write only if {@code checkLeaseBeforeWrite}.
   */
  static LeaseGuard configured(LeaseElectionConfig config) {
    return new ConfiguredLeaseGuard(config.checkLeaseBeforeWrite(), config.leaseMarginNanos());
  }
}
