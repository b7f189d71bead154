package faultline.protocols.locks;

import faultline.engine.Check;
import faultline.engine.node.NodeId;

/**
 * One client's script: when it asks for the lock, how long its lease is, how long its work takes,
 * and what it does about time running out. Every step's timing is a parameter, so that a scenario
 * can replay a published timeline exactly. Times are on the client's monotonic clock, which is true
 * time for a client whose clock does not drift.
 *
 * @param service the lock service
 * @param resource the storage the lock protects
 * @param lock the lock's name
 * @param acquireAtNanos when the client first asks for the lock
 * @param ttlNanos the lease it asks for
 * @param workNanos how long its work under the lock takes, from the grant to the write
 * @param retryEveryNanos how long it waits after {@code Busy} before asking again
 * @param maxAttempts how many times it asks in all
 * @param checkLeaseBeforeWrite whether it abandons the write when its own clock says the lease is
 *     over (measured from when it sent the request, the earliest the lease can have started)
 * @param release whether it releases the lock after writing
 */
public record LockClientConfig(
    NodeId service,
    NodeId resource,
    String lock,
    long acquireAtNanos,
    long ttlNanos,
    long workNanos,
    long retryEveryNanos,
    int maxAttempts,
    boolean checkLeaseBeforeWrite,
    boolean release) {
  public LockClientConfig {
    Check.argument(LockServiceConfig.validTtl(ttlNanos), "ttl out of range: %d", ttlNanos);
    Check.argument(acquireAtNanos >= 0 && workNanos >= 0, "times must not be negative");
    Check.argument(retryEveryNanos > 0 && maxAttempts >= 1, "retries must be positive");
  }
}
