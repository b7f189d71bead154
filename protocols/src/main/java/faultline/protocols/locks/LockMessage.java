package faultline.protocols.locks;

import faultline.engine.node.Message;

/**
 * What clients and the lock service say to each other. Every request carries the requester's wall
 * clock reading, which an honest service ignores; only the {@link ExpiryClock#REQUESTER_WALL}
 * design (a lease record stamped with the holder's own time) reads it.
 */
public sealed interface LockMessage extends Message {
  /** Asks for {@code lock} for {@code ttlNanos}. */
  record Acquire(String lock, long ttlNanos, long requestId, long requesterWallNanos)
      implements LockMessage {}

  /** The lease is yours, with fencing token {@code token}, for {@code ttlNanos} from now. */
  record Granted(String lock, long token, long ttlNanos, long requestId) implements LockMessage {}

  /** Someone else holds an unexpired lease on {@code lock}, under {@code holderToken}. */
  record Busy(String lock, long requestId, long holderToken) implements LockMessage {}

  /** Extends the lease of {@code token} by its TTL from now. */
  record Renew(String lock, long token, long requestId, long requesterWallNanos)
      implements LockMessage {}

  /** The lease of {@code token} was extended. */
  record Renewed(String lock, long token, long requestId) implements LockMessage {}

  /** The lease of {@code token} is gone (expired, released, or taken over): stop acting on it. */
  record RenewRefused(String lock, long token, long requestId) implements LockMessage {}

  /** Gives the lease of {@code token} back; ignored unless it is the current one. */
  record Release(String lock, long token) implements LockMessage {}
}
