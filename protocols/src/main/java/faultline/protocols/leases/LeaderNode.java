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

  private final LeaseElectionConfig config;
  private long requests;
  private long acquireRequestId;
  private long acquireSentMonoNanos;
  private long renewRequestId;
  private long renewSentMonoNanos;
  private boolean leader;
  private long token;
  private long leaseEndMonoNanos;
  private long writes;

  public LeaderNode(LeaseElectionConfig config) {
    this.config = config;
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
        armLeaseEnd(context);
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
        if (leader && !ownClockSaysLeaseValid(context.monotonicNanos())) {
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
    context.send(
        config.service(),
        new Acquire(
            config.lock(), config.leaseNanos(), acquireRequestId, context.wallClockNanos()));
    context.setTimer(LeaseTimer.CAMPAIGN_DUE, config.campaignEveryNanos());
  }

  private void becomeLeader(NodeContext<Message, LeaseTimer> context, long grantedToken) {
    leader = true;
    token = grantedToken;
    leaseEndMonoNanos = acquireSentMonoNanos + config.leaseNanos();
    context.cancelTimer(LeaseTimer.CAMPAIGN_DUE);
    context.setTimer(LeaseTimer.RENEW_DUE, config.renewEveryNanos());
    context.setTimer(LeaseTimer.WORK_DUE, config.workEveryNanos());
    armLeaseEnd(context);
    context.count("leases.terms", 1);
    context.recordState(new Role("LEADER", token, leaseEndMonoNanos));
  }

  private void renew(NodeContext<Message, LeaseTimer> context) {
    if (!leader) {
      return;
    }
    renewRequestId = ++requests;
    renewSentMonoNanos = context.monotonicNanos();
    context.send(
        config.service(),
        new Renew(config.lock(), token, renewRequestId, context.wallClockNanos()));
    context.setTimer(LeaseTimer.RENEW_DUE, config.renewEveryNanos());
  }

  private void work(NodeContext<Message, LeaseTimer> context) {
    if (!leader) {
      return;
    }
    if (config.checkLeaseBeforeWrite() && !ownClockSaysLeaseValid(context.monotonicNanos())) {
      stepDown(context, "its own clock says the lease is over");
      return;
    }
    writes++;
    context.count("leases.leaderWrites", 1);
    context.send(config.resource(), new Write(context.self() + "-" + writes, token, writes));
    context.setTimer(LeaseTimer.WORK_DUE, config.workEveryNanos());
  }

  private void armLeaseEnd(NodeContext<Message, LeaseTimer> context) {
    if (config.checkLeaseBeforeWrite()) {
      long stopAtNanos = leaseEndMonoNanos - config.leaseMarginNanos();
      context.setTimer(LeaseTimer.LEASE_END, Math.max(0, stopAtNanos - context.monotonicNanos()));
    }
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

  private boolean ownClockSaysLeaseValid(long monoNanos) {
    return monoNanos < leaseEndMonoNanos - config.leaseMarginNanos();
  }

  /**
   * Whether this node would act as leader if its monotonic clock read {@code monoNanos}: it
   * believes it leads and, when it checks its lease, its clock says the lease is not over.
   */
  public boolean actsAsLeaderAt(long monoNanos) {
    return leader && (!config.checkLeaseBeforeWrite() || ownClockSaysLeaseValid(monoNanos));
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
