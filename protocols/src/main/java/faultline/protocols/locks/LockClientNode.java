package faultline.protocols.locks;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.LockMessage.Acquire;
import faultline.protocols.locks.LockMessage.Busy;
import faultline.protocols.locks.LockMessage.Granted;
import faultline.protocols.locks.LockMessage.Release;
import faultline.protocols.locks.ResourceMessage.Write;
import faultline.protocols.locks.ResourceMessage.WriteAccepted;
import faultline.protocols.locks.ResourceMessage.WriteRejected;

/**
 * The client of Kleppmann's "How to do distributed locking" (2016), figure 1: acquire the lease, do
 * some work, write the result to storage with the fencing token, release. It trusts the lock unless
 * {@link LockClientConfig#checkLeaseBeforeWrite()} makes it look at its own clock first, and even
 * then a pause between that look and the write arriving is out of its hands.
 */
public final class LockClientNode implements Node<Message, LockTimer> {
  /** The fields of a {@code client} trace event, in the trace contract's order. */
  record ClientEvent(String process, String phase, String op, String lock, long token) {}

  private final LockClientConfig config;
  private int attempts;
  private long requestSentMonoNanos;
  private long token;
  private boolean holding;

  public LockClientNode(LockClientConfig config) {
    this.config = config;
  }

  @Override
  public void onStart(NodeContext<Message, LockTimer> context) {
    long delayNanos = config.acquireAtNanos() - context.monotonicNanos();
    if (delayNanos >= 0) {
      context.setTimer(LockTimer.ACQUIRE_DUE, delayNanos);
    }
  }

  @Override
  public void onMessage(NodeContext<Message, LockTimer> context, NodeId from, Message message) {
    switch (message) {
      case Granted granted when granted.requestId() == attempts && !holding ->
          onGranted(context, granted);
      case Busy busy when busy.requestId() == attempts -> onBusy(context, busy);
      case WriteAccepted accepted -> afterWrite(context, "ok");
      case WriteRejected rejected -> {
        context.note(
            context.self()
                + "'s write with token "
                + rejected.token()
                + " was rejected: the storage has seen token "
                + rejected.highestToken());
        afterWrite(context, "fail");
      }
      default -> {} // A late or duplicated reply to an earlier attempt.
    }
  }

  @Override
  public void onTimer(NodeContext<Message, LockTimer> context, LockTimer timer) {
    switch (timer) {
      case ACQUIRE_DUE -> acquire(context);
      case WRITE_DUE -> write(context);
    }
  }

  private void acquire(NodeContext<Message, LockTimer> context) {
    attempts++;
    requestSentMonoNanos = context.monotonicNanos();
    context.record(
        "client", new ClientEvent(context.self().name(), "invoke", "acquire", config.lock(), 0));
    context.send(
        config.service(),
        new Acquire(config.lock(), config.ttlNanos(), attempts, context.wallClockNanos()));
  }

  private void onGranted(NodeContext<Message, LockTimer> context, Granted granted) {
    holding = true;
    token = granted.token();
    context.record(
        "client", new ClientEvent(context.self().name(), "ok", "acquire", config.lock(), token));
    context.setTimer(LockTimer.WRITE_DUE, config.workNanos());
  }

  private void onBusy(NodeContext<Message, LockTimer> context, Busy busy) {
    context.record(
        "client", new ClientEvent(context.self().name(), "fail", "acquire", config.lock(), 0));
    if (attempts < config.maxAttempts()) {
      context.setTimer(LockTimer.ACQUIRE_DUE, config.retryEveryNanos());
    }
  }

  private void write(NodeContext<Message, LockTimer> context) {
    if (!holding) {
      return;
    }
    long leaseEndNanos = requestSentMonoNanos + config.ttlNanos();
    if (config.checkLeaseBeforeWrite() && context.monotonicNanos() >= leaseEndNanos) {
      holding = false;
      context.count("locks.writes.abandoned", 1);
      context.note(context.self() + "'s own clock says its lease is over: it does not write");
      context.record(
          "client", new ClientEvent(context.self().name(), "fail", "write", config.lock(), token));
      return;
    }
    context.record(
        "client", new ClientEvent(context.self().name(), "invoke", "write", config.lock(), token));
    context.send(config.resource(), new Write(context.self() + "-result", token, 1));
  }

  private void afterWrite(NodeContext<Message, LockTimer> context, String phase) {
    context.record(
        "client", new ClientEvent(context.self().name(), phase, "write", config.lock(), token));
    if (holding && config.release()) {
      context.send(config.service(), new Release(config.lock(), token));
    }
    holding = false;
  }

  /** Whether the client believes it holds the lock. */
  public boolean holding() {
    return holding;
  }

  /** The token of its grant, or 0 before one. */
  public long token() {
    return token;
  }
}
