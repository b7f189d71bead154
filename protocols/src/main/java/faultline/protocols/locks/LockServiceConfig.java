package faultline.protocols.locks;

import faultline.engine.Check;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Configuration of the lock service and the storage resource behind it.
 *
 * @param expiryClock the clock that decides when a lease has expired
 * @param firstToken the fencing token of the first grant; each grant after it gets the next one
 * @param fencing how the resource checks the tokens of writes
 * @param bugs planted mistakes (the bug zoo); empty in every honest run
 */
public record LockServiceConfig(
    ExpiryClock expiryClock, long firstToken, Fencing fencing, Set<LockBug> bugs) {
  /** The shortest and longest lease a client may ask for. */
  public static final long TTL_MIN_NANOS = 1_000_000L;

  public static final long TTL_MAX_NANOS = 24 * 3600 * 1_000_000_000L;

  /** Tokens stay far from overflow even after a billion grants. */
  public static final long FIRST_TOKEN_MAX = 1L << 60;

  public LockServiceConfig {
    Check.argument(expiryClock != null && fencing != null, "expiryClock and fencing are required");
    Check.argument(
        1 <= firstToken && firstToken <= FIRST_TOKEN_MAX,
        "firstToken out of range: %d",
        firstToken);
    bugs = bugs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(bugs));
  }

  /** Monotonic expiry, tokens from 1, no fencing, no bugs. */
  public static LockServiceConfig defaults() {
    return new LockServiceConfig(ExpiryClock.MONOTONIC, 1, Fencing.OFF, Set.of());
  }

  public LockServiceConfig withFencing(Fencing newFencing) {
    return new LockServiceConfig(expiryClock, firstToken, newFencing, bugs);
  }

  boolean has(LockBug bug) {
    return bugs.contains(bug);
  }

  /** Whether {@code ttlNanos} is a lease length the service accepts. */
  public static boolean validTtl(long ttlNanos) {
    return TTL_MIN_NANOS <= ttlNanos && ttlNanos <= TTL_MAX_NANOS;
  }
}
