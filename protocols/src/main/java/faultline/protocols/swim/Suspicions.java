package faultline.protocols.swim;

import faultline.engine.node.NodeId;
import java.util.TreeSet;

/**
 * The suspicion timers of one member (SWIM §4.2). Without Lifeguard, a suspicion lasts the
 * suspicion timeout, {@code suspicionMult · max(1, log10 n) · T'}. With Lifeguard's dynamic
 * suspicion (§IV-B, memberlist's {@code suspicion}), it starts at the longest timeout and shrinks
 * towards the shortest as independent confirmations arrive: each suspect message about the same
 * member and incarnation from a suspecter not counted yet, up to {@code k = suspicionMult - 2}. The
 * remaining time after c confirmations is {@code max - log(c + 1) / log(k + 1) · (max - min)}, to
 * the millisecond, never below {@code min}, less the time already waited.
 */
final class Suspicions {
  private record Suspicion(
      long incarnation,
      long startNanos,
      int wanted,
      long minNanos,
      long maxNanos,
      TreeSet<NodeId> confirmers) {}

  /** What {@link #confirm} answers when a confirmation changes nothing. */
  static final long NO_CHANGE = Long.MIN_VALUE;

  private final Suspicion[] byMember;
  private final boolean dynamic;
  private int active;

  Suspicions(int members, boolean dynamic) {
    this.byMember = new Suspicion[members];
    this.dynamic = dynamic;
  }

  /**
   * Starts (or restarts) the suspicion of {@code member} at {@code incarnation}, raised by {@code
   * from}, at {@code nowNanos} on the member's monotonic clock; returns the timeout to arm.
   */
  long start(int member, long incarnation, NodeId from, long nowNanos, SwimConfig config, int n) {
    long minNanos = config.suspicionTimeoutNanos(n);
    if (!dynamic) {
      put(member, new Suspicion(incarnation, nowNanos, 0, minNanos, minNanos, new TreeSet<>()));
      return minNanos;
    }
    // As memberlist: k confirmations bring the timeout to its least; in a group too small to give
    // them (n - 2 others besides the suspected), none is expected and the least applies at once.
    int wanted = config.suspicionMult() - 2;
    if (n - 2 < wanted) {
      wanted = 0;
    }
    long maxNanos = config.suspicionMaxTimeoutMult() * minNanos;
    TreeSet<NodeId> confirmers = new TreeSet<>();
    confirmers.add(from); // The first suspecter is not a confirmation.
    put(member, new Suspicion(incarnation, nowNanos, wanted, minNanos, maxNanos, confirmers));
    return wanted < 1 ? minNanos : maxNanos;
  }

  private void put(int member, Suspicion suspicion) {
    if (byMember[member] == null) {
      active++;
    }
    byMember[member] = suspicion;
  }

  /**
   * Counts {@code from}'s suspicion of {@code member} at {@code incarnation} as a confirmation.
   * Returns the new remaining time (possibly 0 or less: confirm at once) when it was a new,
   * independent one, or {@link #NO_CHANGE}.
   */
  long confirm(int member, long incarnation, NodeId from, long nowNanos) {
    Suspicion suspicion = byMember[member];
    if (!dynamic || suspicion == null || suspicion.incarnation() != incarnation) {
      return NO_CHANGE;
    }
    if (suspicion.confirmers().size() - 1 >= suspicion.wanted()
        || !suspicion.confirmers().add(from)) {
      return NO_CHANGE;
    }
    int confirmations = suspicion.confirmers().size() - 1;
    return remainingNanos(
        confirmations,
        suspicion.wanted(),
        nowNanos - suspicion.startNanos(),
        suspicion.minNanos(),
        suspicion.maxNanos());
  }

  /** memberlist's {@code remainingSuspicionTime}. */
  static long remainingNanos(int confirmations, int wanted, long elapsedNanos, long min, long max) {
    double fraction = StrictMath.log(confirmations + 1.0) / StrictMath.log(wanted + 1.0);
    double rawSeconds = max / 1e9 - fraction * ((max - min) / 1e9);
    long timeoutNanos = (long) StrictMath.floor(1000.0 * rawSeconds) * 1_000_000L;
    return Math.max(timeoutNanos, min) - elapsedNanos;
  }

  /** Forgets the suspicion of {@code member}, if any. */
  void clear(int member) {
    if (byMember[member] != null) {
      byMember[member] = null;
      active--;
    }
  }

  boolean isSuspected(int member) {
    return byMember[member] != null;
  }

  /** How many confirmations the suspicion of {@code member} has had (0 without one). */
  int confirmations(int member) {
    Suspicion suspicion = byMember[member];
    return suspicion == null ? 0 : Math.max(0, suspicion.confirmers().size() - 1);
  }

  int active() {
    return active;
  }
}
