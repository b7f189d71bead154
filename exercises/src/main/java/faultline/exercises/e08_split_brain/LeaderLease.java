package faultline.exercises.e08_split_brain;

import faultline.protocols.leases.LeaseGuard;

/**
 * Exercise 8: the rule by which a leader with a lease decides it may still act, so that it steps
 * down in time and two leaders never act at once (Gray and Cheriton 1989, section 3; Ongaro's
 * dissertation 2014, sections 6.2, 6.4.1 and 9.6; Kleppmann 2016).
 *
 * <p>The leader calls {@link #granted} when a grant or renewal of its lease arrives and arms a
 * step-down timer for the delay you return; it asks {@link #stepDownWhenTimerFires} when that timer
 * fires, and {@link #mayAct} just before every write it makes as leader. The lock service counts
 * the lease from when the request reached it, on its own clock, which keeps true time. Your clocks
 * do not: the wall clock can jump, and both clocks may run up to {@code driftBoundPpm} parts per
 * million slow or fast.
 */
public final class LeaderLease implements LeaseGuard {
  private final long driftBoundPpm;
  // BEGIN SOLUTION
  private long actUntilMonoNanos = Long.MIN_VALUE;

  // END SOLUTION
  // STUB: // Your fields here: what mayAct needs to remember from granted.

  /** A leader whose clocks run at most {@code driftBoundPpm} parts per million slow or fast. */
  public LeaderLease(long driftBoundPpm) {
    this.driftBoundPpm = driftBoundPpm;
  }

  /**
   * A grant or renewal arrived at {@code arrival}, answering the request {@code lease} describes.
   * Remember until when it lets you act, and return how long from now, on the monotonic clock, the
   * leader's step-down timer should wait ({@link #NO_TIMER}: none).
   */
  @Override
  public long granted(Lease lease, Now arrival) {
    // BEGIN SOLUTION
    long marginNanos = Math.ceilDiv(lease.leaseNanos() * driftBoundPpm, 1_000_000L);
    actUntilMonoNanos = lease.requestSentMonoNanos() + lease.leaseNanos() - marginNanos;
    return actUntilMonoNanos - arrival.monoNanos();
    // END SOLUTION
    // STUB: // Your code here: until when may the leader act on this lease? (The drift bound is
    // STUB: // driftBoundPpm; until you write this, the leader never steps down by its clock.)
    // STUB: return NO_TIMER;
  }

  /** Whether the leader may act as leader at {@code now}. Only read your fields here. */
  @Override
  public boolean mayAct(Now now) {
    // BEGIN SOLUTION
    return now.monoNanos() < actUntilMonoNanos;
    // END SOLUTION
    // STUB: // Your code here: does the lease you remembered still cover now?
    // STUB: return true;
  }

  /** The step-down timer you asked for in {@link #granted} fired: step down unless mayAct. */
  @Override
  public boolean stepDownWhenTimerFires(Now now) {
    return !mayAct(now);
  }
}
