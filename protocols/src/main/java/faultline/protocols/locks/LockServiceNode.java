package faultline.protocols.locks;

import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.LockMessage.Acquire;
import faultline.protocols.locks.LockMessage.Busy;
import faultline.protocols.locks.LockMessage.Granted;
import faultline.protocols.locks.LockMessage.Release;
import faultline.protocols.locks.LockMessage.Renew;
import faultline.protocols.locks.LockMessage.RenewRefused;
import faultline.protocols.locks.LockMessage.Renewed;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A lock service that hands out leases (Gray and Cheriton 1989): a grant is good for a TTL, the
 * holder may renew it and only the holder may release it. Every grant carries a fencing token that
 * only ever increases, across all locks (Burrows 2006, Chubby section 2.4, "sequencers"; Kleppmann
 * 2016). Expiry is judged lazily, when a request arrives, by the clock the configuration names
 * ({@link ExpiryClock}); the service itself never trusts a client's idea of time unless told to.
 *
 * <p>Leases are volatile, but what makes a restart safe is durable, as in Chubby: the next token
 * and the longest TTL granted are synced to disk before a grant is sent, so a restarted service
 * never hands out a token twice, and it refuses every acquire for the longest TTL it ever granted,
 * until every lease it forgot has run out (Burrows 2006, section 2.9, the grace period). The bug
 * zoo's {@link LockBug#TOKENS_NOT_DURABLE} is the service that keeps both in memory only, so that a
 * crash breaks {@code locks.mutual-exclusion}.
 */
public final class LockServiceNode implements Node<LockMessage, LockTimer> {
  /** What the service decided in its last step, for the invariants. */
  public record Decision(
      long ordinal, Kind kind, String lock, NodeId client, long token, long ttlNanos) {
    public enum Kind {
      GRANTED,
      RENEWED,
      RELEASED
    }
  }

  /** A lease as the service keeps it; {@code expiresAtNanos} is on the judging clock. */
  private record Lease(NodeId holder, long token, long ttlNanos, long expiresAtNanos) {
    Lease extendedFrom(long nowNanos, long newTtlNanos) {
      return new Lease(holder, token, newTtlNanos, nowNanos + newTtlNanos);
    }
  }

  /** The fields of a {@code lease} trace event. */
  record LeaseEvent(String event, String lock, String client, long token, long expiresAtNanos) {}

  /** What survives a crash. */
  record DurableState(long nextToken, long longestTtlNanos) {}

  static final String STATE_KEY = "lock-service";

  private final LockServiceConfig config;
  private final TreeMap<String, Lease> leases = new TreeMap<>();
  private long nextToken;
  private long longestTtlNanos;
  private long graceEndsAtMonoNanos = Long.MIN_VALUE;
  private long decisions;
  private Decision lastDecision;

  public LockServiceNode(LockServiceConfig config) {
    this.config = config;
    this.nextToken = config.firstToken();
  }

  @Override
  public void onStart(NodeContext<LockMessage, LockTimer> context) {
    if (config.has(LockBug.TOKENS_NOT_DURABLE)) {
      return; // Starts from firstToken again, and with no idea that leases may be out there.
    }
    context
        .storage()
        .get(STATE_KEY, DurableState.class)
        .ifPresent(
            saved -> {
              nextToken = saved.nextToken();
              longestTtlNanos = saved.longestTtlNanos();
              graceEndsAtMonoNanos = context.monotonicNanos() + longestTtlNanos;
              context.note(
                  "restarted with next token "
                      + nextToken
                      + "; no grants for "
                      + TimeText.format(longestTtlNanos)
                      + ", until every forgotten lease is over");
            });
  }

  private boolean inGracePeriod(NodeContext<LockMessage, LockTimer> context) {
    return context.monotonicNanos() < graceEndsAtMonoNanos;
  }

  @Override
  public void onMessage(
      NodeContext<LockMessage, LockTimer> context, NodeId from, LockMessage message) {
    switch (message) {
      case Acquire acquire -> onAcquire(context, from, acquire);
      case Renew renew -> onRenew(context, from, renew);
      case Release release -> onRelease(context, from, release);
      case Granted unused -> {} // Replies are for clients; a service ignores them.
      case Busy unused -> {}
      case Renewed unused -> {}
      case RenewRefused unused -> {}
    }
  }

  @Override
  public void onTimer(NodeContext<LockMessage, LockTimer> context, LockTimer timer) {}

  private void onAcquire(
      NodeContext<LockMessage, LockTimer> context, NodeId from, Acquire acquire) {
    if (inGracePeriod(context)) {
      context.count("locks.busy", 1);
      context.send(from, new Busy(acquire.lock(), acquire.requestId(), 0));
      return;
    }
    long nowNanos = judgingClock(context, acquire.requesterWallNanos());
    Lease current = leases.get(acquire.lock());
    boolean live = current != null && nowNanos < current.expiresAtNanos();
    if (live && current.holder().equals(from)) {
      // The holder asking again (its reply was lost, say): same lease, extended.
      extend(context, acquire.lock(), current, nowNanos, acquire.ttlNanos());
      context.send(
          from,
          new Granted(acquire.lock(), current.token(), acquire.ttlNanos(), acquire.requestId()));
      return;
    }
    if (live && !config.has(LockBug.GRANTS_WITHOUT_EXPIRY_CHECK)) {
      context.count("locks.busy", 1);
      context.send(from, new Busy(acquire.lock(), acquire.requestId(), current.token()));
      return;
    }
    long token = nextToken++;
    longestTtlNanos = Math.max(longestTtlNanos, acquire.ttlNanos());
    context.storage().put(STATE_KEY, new DurableState(nextToken, longestTtlNanos));
    context.storage().sync(); // A token must never be handed out twice, crash or not.
    Lease lease = new Lease(from, token, acquire.ttlNanos(), nowNanos + acquire.ttlNanos());
    leases.put(acquire.lock(), lease);
    context.count("locks.grants", 1);
    decide(context, Decision.Kind.GRANTED, acquire.lock(), lease);
    context.send(from, new Granted(acquire.lock(), token, acquire.ttlNanos(), acquire.requestId()));
  }

  private void onRenew(NodeContext<LockMessage, LockTimer> context, NodeId from, Renew renew) {
    long nowNanos = judgingClock(context, renew.requesterWallNanos());
    Lease current = leases.get(renew.lock());
    if (inGracePeriod(context)
        || current == null
        || current.token() != renew.token()
        || !current.holder().equals(from)
        || nowNanos >= current.expiresAtNanos()) {
      context.count("locks.renewalsRefused", 1);
      context.send(from, new RenewRefused(renew.lock(), renew.token(), renew.requestId()));
      return;
    }
    extend(context, renew.lock(), current, nowNanos, current.ttlNanos());
    context.send(from, new Renewed(renew.lock(), renew.token(), renew.requestId()));
  }

  private void onRelease(
      NodeContext<LockMessage, LockTimer> context, NodeId from, Release release) {
    Lease current = leases.get(release.lock());
    if (current == null || current.token() != release.token() || !current.holder().equals(from)) {
      context.note(from + " released token " + release.token() + ", which is not current: ignored");
      return;
    }
    leases.remove(release.lock());
    decide(context, Decision.Kind.RELEASED, release.lock(), current);
  }

  private void extend(
      NodeContext<LockMessage, LockTimer> context,
      String lock,
      Lease current,
      long nowNanos,
      long ttlNanos) {
    Lease extended = current.extendedFrom(nowNanos, ttlNanos);
    leases.put(lock, extended);
    context.count("locks.renewals", 1);
    decide(context, Decision.Kind.RENEWED, lock, extended);
  }

  private void decide(
      NodeContext<LockMessage, LockTimer> context, Decision.Kind kind, String lock, Lease lease) {
    long ttlNanos = kind == Decision.Kind.RELEASED ? 0 : lease.ttlNanos();
    lastDecision = new Decision(++decisions, kind, lock, lease.holder(), lease.token(), ttlNanos);
    context.record(
        "lease",
        new LeaseEvent(
            kind.name().toLowerCase(Locale.ROOT),
            lock,
            lease.holder().name(),
            lease.token(),
            kind == Decision.Kind.RELEASED ? 0 : lease.expiresAtNanos()));
  }

  /** The reading that expiry is judged by, now. */
  private long judgingClock(NodeContext<LockMessage, LockTimer> context, long requesterWallNanos) {
    return switch (config.expiryClock()) {
      case MONOTONIC -> context.monotonicNanos();
      case WALL -> context.wallClockNanos();
      case REQUESTER_WALL -> requesterWallNanos;
    };
  }

  /** The service's last decision, or null before the first. */
  public Decision lastDecision() {
    return lastDecision;
  }
}
