package faultline.protocols.locks;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import java.util.List;

/**
 * What a lock service with leases and fencing promises, judged in true time:
 *
 * <ul>
 *   <li>{@value #MUTUAL_EXCLUSION}: at most one client holds a valid lease on a lock at any true
 *       instant. A lease granted or renewed with TTL d at true time t is valid until t + d, or
 *       until the service processes its release (Gray and Cheriton 1989, section 2). A service
 *       whose clock misjudges d (a jump, a drift, a requester's clock) breaks it.
 *   <li>{@value #NO_EXPIRED_WRITE}: the storage never accepts a write whose token belongs to a
 *       lease that is over in true time, once it has accepted a write under a newer lease
 *       (Kleppmann 2016, "Making the lock safe with fencing"). With fencing on this must hold
 *       whatever the clients do; with fencing off, a paused client breaks it. A late write that
 *       arrives before any newer holder has written is not one: in token order it is as if it had
 *       come in time, and no check at the storage could tell (metric {@value #LATE_UNCHALLENGED}).
 * </ul>
 */
public final class LockInvariants {
  public static final String MUTUAL_EXCLUSION = "locks.mutual-exclusion";
  public static final String NO_EXPIRED_WRITE = "locks.no-expired-write";
  public static final String TOKENS_INCREASE = "locks.tokens-increase";

  /**
   * Metric: writes under a lease already over in true time that reached the storage before any
   * newer lease had written. Harmless in token order, fencing cannot see them, and they show a
   * client outliving its lease.
   */
  public static final String LATE_UNCHALLENGED = "locks.lateWrites.unchallenged";

  private LockInvariants() {}

  /** Fresh instances, for one run. */
  public static List<Invariant> all() {
    return List.of(new MutualExclusion(), new NoExpiredWrite(), new TokensIncrease());
  }

  static final class MutualExclusion implements Invariant {
    private final LeaseLedger ledger = new LeaseLedger();

    @Override
    public String name() {
      return MUTUAL_EXCLUSION;
    }

    @Override
    public String description() {
      return "At most one client holds an unexpired lease on a lock at any instant of true time.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      ledger
          .observe(context)
          .ifPresent(
              observed -> {
                LockServiceNode.Decision decision = observed.decision();
                LeaseLedger.TrueLease before = observed.before();
                long nowNanos = context.nowNanos();
                if (decision.kind() != LockServiceNode.Decision.Kind.GRANTED
                    || before == null
                    || before.client().equals(decision.client())
                    || !before.validAt(nowNanos)) {
                  return;
                }
                context.fail(
                    observed.service(),
                    observed.service()
                        + " granted lock \""
                        + decision.lock()
                        + "\" to "
                        + decision.client()
                        + " (token "
                        + decision.token()
                        + ") while "
                        + before.client()
                        + "'s lease (token "
                        + before.token()
                        + ") is valid for "
                        + TimeText.format(before.endNanos() - nowNanos)
                        + " more in true time: two holders");
              });
    }
  }

  static final class NoExpiredWrite extends StaleWriteInvariant {
    private final LeaseLedger ledger = new LeaseLedger();
    private boolean started;

    NoExpiredWrite() {
      super(
          NO_EXPIRED_WRITE,
          "The storage never accepts a write under a lease that is over in true time once a newer"
              + " lease has written.");
    }

    @Override
    protected void observe(InvariantContext context) {
      if (!started) {
        started = true;
        context.count(LATE_UNCHALLENGED, 0);
      }
      ledger.observe(context);
    }

    @Override
    protected String staleReason(
        InvariantContext context, StorageResourceNode.Decision write, long highestAcceptedBefore) {
      LeaseLedger.TrueLease lease = ledger.lease(write.token());
      long nowNanos = context.nowNanos();
      if (lease == null) {
        return "the lock service never granted token " + write.token();
      }
      if (lease.validAt(nowNanos)) {
        return null;
      }
      if (highestAcceptedBefore <= write.token()) {
        // Late, but no newer holder has written yet: in token order it is as if it came in time.
        context.count(LATE_UNCHALLENGED, 1);
        return null;
      }
      String ended =
          lease.releasedAtNanos() <= lease.validUntilNanos() ? "was released" : "expired";
      LeaseLedger.TrueLease current = ledger.current(lease.lock());
      String successor =
          current == null || current.token() == lease.token()
              ? ""
              : "; token "
                  + current.token()
                  + " went to "
                  + current.client()
                  + (current.validAt(nowNanos) ? ", whose lease is live" : "");
      return "token "
          + highestAcceptedBefore
          + " was already accepted and that lease "
          + ended
          + " "
          + TimeText.format(nowNanos - lease.endNanos())
          + " earlier, at "
          + TimeText.format(lease.endNanos())
          + " true time"
          + successor;
    }
  }

  static final class TokensIncrease implements Invariant {
    private final LeaseLedger ledger = new LeaseLedger();
    private long highestGranted = Long.MIN_VALUE;

    @Override
    public String name() {
      return TOKENS_INCREASE;
    }

    @Override
    public String description() {
      return "Every grant's fencing token is larger than every token granted before it.";
    }

    @Override
    public void afterEvent(InvariantContext context) {
      ledger
          .observe(context)
          .filter(observed -> observed.decision().kind() == LockServiceNode.Decision.Kind.GRANTED)
          .ifPresent(
              observed -> {
                long token = observed.decision().token();
                if (token <= highestGranted) {
                  context.fail(
                      observed.service(),
                      observed.service()
                          + " granted token "
                          + token
                          + " to "
                          + observed.decision().client()
                          + ", but it had already granted token "
                          + highestGranted);
                }
                highestGranted = Math.max(highestGranted, token);
              });
    }
  }
}
