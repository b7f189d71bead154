package faultline.protocols.leases;

/**
 * The election's own guard, as {@link LeaseElectionConfig} describes it: the lease runs from when
 * the request was sent, on the monotonic clock; a leader that checks stops {@code leaseMarginNanos}
 * before its end, one that does not check never stops by its clock.
 */
final class ConfiguredLeaseGuard implements LeaseGuard {
  private final boolean checkLease;
  private final long leaseMarginNanos;
  private long leaseEndMonoNanos;

  ConfiguredLeaseGuard(boolean checkLease, long leaseMarginNanos) {
    this.checkLease = checkLease;
    this.leaseMarginNanos = leaseMarginNanos;
  }

  @Override
  public long granted(Lease lease, Now arrival) {
    leaseEndMonoNanos = lease.requestSentMonoNanos() + lease.leaseNanos();
    if (!checkLease) {
      return NO_TIMER;
    }
    return Math.max(0, leaseEndMonoNanos - leaseMarginNanos - arrival.monoNanos());
  }

  @Override
  public boolean mayAct(Now now) {
    return !checkLease || now.monoNanos() < leaseEndMonoNanos - leaseMarginNanos;
  }
}
