package faultline.protocols.leases;

import faultline.engine.Check;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.LockServiceConfig;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Configuration of lease-based leader election on the lock service.
 *
 * @param service the lock service that holds the leader lease
 * @param resource the storage the leader writes to
 * @param lock the lease's name
 * @param leaseNanos the lease's TTL (default 10 s)
 * @param renewEveryNanos how often the leader renews (default 3 s); not longer than the lease
 * @param workEveryNanos how often the leader does leader-only work (a write to the storage)
 * @param campaignEveryNanos how often a follower asks for the lease
 * @param checkLeaseBeforeWrite whether the leader looks at its own clock before each write and
 *     steps down when the lease is over by it
 * @param leaseMarginNanos how much earlier than the lease's end the leader stops, to allow for its
 *     clock running slow (0: trust the clock)
 * @param campaignAtNanos each candidate and when it starts campaigning, on its monotonic clock
 */
public record LeaseElectionConfig(
    NodeId service,
    NodeId resource,
    String lock,
    long leaseNanos,
    long renewEveryNanos,
    long workEveryNanos,
    long campaignEveryNanos,
    boolean checkLeaseBeforeWrite,
    long leaseMarginNanos,
    SortedMap<NodeId, Long> campaignAtNanos) {
  public static final long DEFAULT_LEASE_NANOS = 10_000_000_000L;
  public static final long DEFAULT_RENEW_EVERY_NANOS = 3_000_000_000L;

  public LeaseElectionConfig {
    Check.argument(LockServiceConfig.validTtl(leaseNanos), "lease out of range: %d", leaseNanos);
    Check.argument(
        0 < renewEveryNanos && renewEveryNanos <= leaseNanos,
        "renewEvery must be positive and not longer than the lease");
    Check.argument(workEveryNanos > 0 && campaignEveryNanos > 0, "intervals must be positive");
    Check.argument(
        0 <= leaseMarginNanos && leaseMarginNanos < leaseNanos, "leaseMargin out of range");
    campaignAtNanos = Collections.unmodifiableSortedMap(new TreeMap<>(campaignAtNanos));
  }
}
