package faultline.protocols.leases;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.LockMessage.Acquire;
import faultline.protocols.locks.LockMessage.Granted;
import faultline.protocols.locks.LockMessage.Renew;
import faultline.protocols.locks.LockMessage.RenewRefused;
import faultline.protocols.locks.LockMessage.Renewed;
import faultline.protocols.locks.ResourceMessage.Write;
import faultline.protocols.locks.ResourceMessage.WriteRejected;
import faultline.protocols.locks.TimeText;

/**
 * A candidate in lease-based leader election (Gray and Cheriton 1989; Burrows 2006, Chubby section
 * 2.1 and 2.8): it asks the lock service for the leader lease, and while it holds it, renews it and
 * does leader-only work against the storage, with the lease's fencing token.
 *
 * <p>A leader can only measure its lease with its own clock, from the moment it sent the request
 * (the earliest the service can have started it). If that clock runs slow, or the leader is cut off
 * from the service, it may go on acting after the service has given the lease to someone else:
 * {@code leases.single-leader} catches exactly that. Messages are the lock service's ({@link
 * faultline.protocols.locks.LockMessage}) and the storage's.
 */
public final class LeaderNode implements Node<Message, LeaseTimer> {
  /** The fields of a {@code state} trace event. */
  record Role(String role, long token, long leaseEndMonoNanos) {}

  /** The longest step-down delay a guard may ask for (a week); longer ones are cut to it. */
  static final long TIMER_NANOS_MAX = 7L * 24 * 3600 * 1_000_000_000L;

  private final LeaseElectionConfig config;
  private final LeaseGuard guard;
  private long requests;
  private long acquireRequestId;
  private long acquireSentMonoNanos;
  private long acquireSentWallNanos;
  private long renewRequestId;
  private long renewSentMonoNanos;
  private long renewSentWallNanos;
  private boolean leader;
  private long token;
  private long leaseEndMonoNanos;
  private long writes;

  /** A candidate that measures its lease as {@code config} says ({@link LeaseGuard#configured}). */
  public LeaderNode(LeaseElectionConfig config) {
    this(config, LeaseGuard.configured(config));
  }

  /**
   * A candidate whose {@code guard} decides when it may act and when it steps down; {@code
   * config}'s {@code checkLeaseBeforeWrite} and {@code leaseMarginNanos} are then the guard's
   * business.
   */
  public LeaderNode(LeaseElectionConfig config, LeaseGuard guard) {
    this.config = config;
    this.guard = guard;
  }

  @Override
  public void onStart(NodeContext<Message, LeaseTimer> context) {
    Long atNanos = config.campaignAtNanos().get(context.self());
    if (atNanos != null) {
      context.setTimer(LeaseTimer.CAMPAIGN_DUE, Math.max(0, atNanos - context.monotonicNanos()));
    }
  }

  @Override
  public void onMessage(NodeContext<Message, LeaseTimer> context, NodeId from, Message message) {
    switch (message) {
      case Granted granted when !leader && granted.requestId() == acquireRequestId ->
          becomeLeader(context, granted.token());
      case Renewed renewed when leader && renewed.requestId() == renewRequestId -> {
        leaseEndMonoNanos = renewSentMonoNanos + config.leaseNanos();
        armLeaseEnd(context, renewSentMonoNanos, renewSentWallNanos);
      }
      case RenewRefused refused when leader && refused.token() == token ->
          stepDown(context, "the lock service refused to renew token " + token);
      case WriteRejected rejected when leader && rejected.token() == token ->
          stepDown(
              context,
              "the storage rejected token " + token + ": it has seen " + rejected.highestToken());
      default -> {} // Busy, acknowledgements, and late replies to older requests.
    }
  }

  @Override
  public void onTimer(NodeContext<Message, LeaseTimer> context, LeaseTimer timer) {
    switch (timer) {
      case CAMPAIGN_DUE -> campaign(context);
      case RENEW_DUE -> renew(context);
      case WORK_DUE -> work(context);
      case LEASE_END -> {
        if (leader && guard.stepDownWhenTimerFires(now(context))) {
          stepDown(context, "its own clock says the lease is over");
        }
      }
    }
  }

  private void campaign(NodeContext<Message, LeaseTimer> context) {
    if (leader) {
      return;
    }
    acquireRequestId = ++requests;
    acquireSentMonoNanos = context.monotonicNanos();
    acquireSentWallNanos = context.wallClockNanos();
    context.send(
        config.service(),
        new Acquire(config.lock(), config.leaseNanos(), acquireRequestId, acquireSentWallNanos));
    context.setTimer(LeaseTimer.CAMPAIGN_DUE, config.campaignEveryNanos());
  }

  private void becomeLeader(NodeContext<Message, LeaseTimer> context, long grantedToken) {
    leader = true;
    token = grantedToken;
    leaseEndMonoNanos = acquireSentMonoNanos + config.leaseNanos();
    context.cancelTimer(LeaseTimer.CAMPAIGN_DUE);
    context.setTimer(LeaseTimer.RENEW_DUE, config.renewEveryNanos());
    context.setTimer(LeaseTimer.WORK_DUE, config.workEveryNanos());
    armLeaseEnd(context, acquireSentMonoNanos, acquireSentWallNanos);
    context.count("leases.terms", 1);
    context.recordState(new Role("LEADER", token, leaseEndMonoNanos));
  }

  private void renew(NodeContext<Message, LeaseTimer> context) {
    if (!leader) {
      return;
    }
    renewRequestId = ++requests;
    renewSentMonoNanos = context.monotonicNanos();
    renewSentWallNanos = context.wallClockNanos();
    context.send(
        config.service(), new Renew(config.lock(), token, renewRequestId, renewSentWallNanos));
    context.setTimer(LeaseTimer.RENEW_DUE, config.renewEveryNanos());
  }

  private void work(NodeContext<Message, LeaseTimer> context) {
    if (!leader) {
      return;
    }
    if (!guard.mayAct(now(context))) {
      stepDown(context, "its own clock says the lease is over");
      return;
    }
    writes++;
    context.count("leases.leaderWrites", 1);
    context.send(config.resource(), new Write(context.self() + "-" + writes, token, writes));
    context.setTimer(LeaseTimer.WORK_DUE, config.workEveryNanos());
  }

  private void armLeaseEnd(
      NodeContext<Message, LeaseTimer> context, long sentMonoNanos, long sentWallNanos) {
    long delayNanos =
        guard.granted(
            new LeaseGuard.Lease(sentMonoNanos, sentWallNanos, config.leaseNanos()), now(context));
    if (delayNanos != LeaseGuard.NO_TIMER) {
      context.setTimer(LeaseTimer.LEASE_END, Math.clamp(delayNanos, 0, TIMER_NANOS_MAX));
    }
  }

  private static LeaseGuard.Now now(NodeContext<Message, LeaseTimer> context) {
    return new LeaseGuard.Now(context.monotonicNanos(), context.wallClockNanos());
  }

  private void stepDown(NodeContext<Message, LeaseTimer> context, String why) {
    leader = false;
    context.cancelTimer(LeaseTimer.RENEW_DUE);
    context.cancelTimer(LeaseTimer.WORK_DUE);
    context.cancelTimer(LeaseTimer.LEASE_END);
    context.setTimer(LeaseTimer.CAMPAIGN_DUE, config.campaignEveryNanos());
    context.note(context.self() + " steps down (token " + token + "): " + why);
    context.recordState(new Role("FOLLOWER", token, leaseEndMonoNanos));
  }

  /**
   * Whether this node would act as leader if its clocks read {@code monoNanos} and {@code
   * wallNanos}: it believes it leads and its {@link LeaseGuard} lets it act.
   */
  public boolean actsAsLeaderAt(long monoNanos, long wallNanos) {
    return leader && guard.mayAct(new LeaseGuard.Now(monoNanos, wallNanos));
  }

  /** The token of its current or last term, 0 before one. */
  public long token() {
    return token;
  }

  /** When its lease ends by its own monotonic clock, as a readable duration. */
  public String leaseEndText() {
    return TimeText.format(leaseEndMonoNanos);
  }
}
