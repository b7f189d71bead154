package faultline.protocols.redlock;

import faultline.engine.Check;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.protocols.locks.LockServiceConfig;
import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Configuration of a Redlock run: the stores, the algorithm's constants, and what each client does.
 *
 * @param stores the N independent stores
 * @param resource the storage the lock protects (Redlock issues no fencing tokens)
 * @param key the lock's key
 * @param ttlNanos the keys' TTL, which is also the lock's initial validity
 * @param quorum how many stores must say yes (N/2+1 by default)
 * @param driftFactor the clock-drift allowance as a fraction of the TTL (0.01 on the Redlock page),
 *     to which 2 ms are added for Redis's expiry precision
 * @param requestTimeoutNanos how long a client waits for replies before deciding
 * @param retryDelayMinNanos the shortest random delay before a retry
 * @param retryDelayMaxNanos the longest random delay before a retry
 * @param maxAttempts how many times a client tries in all
 * @param storeClock the clock stores expire keys by
 * @param checkValidityBeforeWrite whether a client checks that its validity has not run out just
 *     before it writes
 * @param clients each client's script
 * @param bugs planted mistakes (the bug zoo); empty in every honest run
 * @param storeRestart what a store remembers, or refuses, after a crash and restart
 */
public record RedlockConfig(
    List<NodeId> stores,
    NodeId resource,
    String key,
    long ttlNanos,
    int quorum,
    Ratio driftFactor,
    long requestTimeoutNanos,
    long retryDelayMinNanos,
    long retryDelayMaxNanos,
    int maxAttempts,
    StoreClock storeClock,
    boolean checkValidityBeforeWrite,
    List<Client> clients,
    Set<RedlockBug> bugs,
    StoreRestart storeRestart) {
  /** Redis's expiry precision, added to the drift allowance. */
  public static final long EXPIRY_PRECISION_NANOS = 2_000_000L;

  /** One client: when it first tries, and how long its work under the lock takes. */
  public record Client(NodeId node, long acquireAtNanos, long workNanos) {}

  public RedlockConfig {
    stores = List.copyOf(stores);
    clients = List.copyOf(clients);
    Check.argument(!stores.isEmpty(), "at least one store");
    Check.argument(1 <= quorum && quorum <= stores.size(), "quorum must be in 1..N");
    Check.argument(LockServiceConfig.validTtl(ttlNanos), "ttl out of range: %d", ttlNanos);
    Check.argument(requestTimeoutNanos > 0, "requestTimeout must be positive");
    Check.argument(
        0 < retryDelayMinNanos && retryDelayMinNanos <= retryDelayMaxNanos,
        "retry delays must satisfy 0 < min <= max");
    Check.argument(maxAttempts >= 1, "maxAttempts must be at least 1");
    bugs = bugs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(bugs));
    Check.argument(storeRestart != null, "storeRestart is required");
  }

  /** Stores that restart at once with nothing remembered, as Redis does without fsync. */
  public RedlockConfig(
      List<NodeId> stores,
      NodeId resource,
      String key,
      long ttlNanos,
      int quorum,
      Ratio driftFactor,
      long requestTimeoutNanos,
      long retryDelayMinNanos,
      long retryDelayMaxNanos,
      int maxAttempts,
      StoreClock storeClock,
      boolean checkValidityBeforeWrite,
      List<Client> clients,
      Set<RedlockBug> bugs) {
    this(
        stores,
        resource,
        key,
        ttlNanos,
        quorum,
        driftFactor,
        requestTimeoutNanos,
        retryDelayMinNanos,
        retryDelayMaxNanos,
        maxAttempts,
        storeClock,
        checkValidityBeforeWrite,
        clients,
        bugs,
        StoreRestart.IMMEDIATE);
  }

  /** A majority of {@code storeCount}: the Redlock page's N/2+1. */
  public static int majority(int storeCount) {
    return storeCount / 2 + 1;
  }

  /** The drift allowance for the TTL: {@code ttl * driftFactor + 2 ms}. */
  public long driftAllowanceNanos() {
    // Exact: a ratio read from a file may have a denominator up to 10^18.
    return BigInteger.valueOf(ttlNanos)
            .multiply(BigInteger.valueOf(driftFactor.numerator()))
            .divide(BigInteger.valueOf(driftFactor.denominator()))
            .longValueExact()
        + EXPIRY_PRECISION_NANOS;
  }

  boolean has(RedlockBug bug) {
    return bugs.contains(bug);
  }

  /** The script of {@code node}, or null when it is not a client. */
  Client clientFor(NodeId node) {
    return clients.stream().filter(client -> client.node().equals(node)).findFirst().orElse(null);
  }
}
