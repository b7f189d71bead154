package faultline.protocols.redlock;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.ResourceMessage;
import faultline.protocols.locks.ResourceMessage.Write;
import faultline.protocols.locks.TimeText;
import faultline.protocols.redlock.RedlockMessage.DeleteIfValue;
import faultline.protocols.redlock.RedlockMessage.SetIfAbsent;
import faultline.protocols.redlock.RedlockMessage.SetReply;
import java.util.TreeSet;

/**
 * A client following the Redlock algorithm as the Redis documentation states it ("Distributed Locks
 * with Redis", section "The Redlock algorithm", steps 1 to 5):
 *
 * <ol>
 *   <li>read the current time (here the monotonic clock);
 *   <li>try to set the key, with a random value, in all N stores, waiting at most a small timeout;
 *   <li>the lock is acquired if a majority (the quorum) said yes and the time elapsed is less than
 *       the TTL;
 *   <li>its validity is the TTL minus the elapsed time minus the clock-drift allowance;
 *   <li>otherwise, unlock every store (even those that seemed to say no), and retry after a random
 *       delay ("Retry on failure"), drawn from the client's own random stream.
 * </ol>
 *
 * <p>Once it holds the lock it works for the configured time, writes to the storage without a
 * fencing token (Redlock has none to give: Kleppmann 2016, "Making the lock safe with fencing"),
 * and releases by compare-and-delete everywhere.
 */
public final class RedlockClientNode implements Node<Message, RedlockTimer> {
  /** The fields of a {@code lock} trace event. */
  record LockEvent(String event, String value, int votes, long elapsedNanos, long validityNanos) {}

  private final RedlockConfig config;
  private final RedlockConfig.Client script;
  private long attempt;
  private String value;
  private long startMonoNanos;
  private boolean collecting;

  /** The stores that answered this attempt, each once however often the network repeated it. */
  private final TreeSet<NodeId> replied = new TreeSet<>();

  private final TreeSet<NodeId> votes = new TreeSet<>();
  private boolean holding;
  private long holdUntilMonoNanos;
  private long acquisitions;

  public RedlockClientNode(RedlockConfig config, NodeId self) {
    this.config = config;
    this.script = config.clientFor(self);
  }

  @Override
  public void onStart(NodeContext<Message, RedlockTimer> context) {
    if (script != null) {
      long delayNanos = Math.max(0, script.acquireAtNanos() - context.monotonicNanos());
      context.setTimer(RedlockTimer.ACQUIRE_DUE, delayNanos);
    }
  }

  @Override
  public void onMessage(NodeContext<Message, RedlockTimer> context, NodeId from, Message message) {
    switch (message) {
      case SetReply reply when collecting && reply.attempt() == attempt -> {
        // A duplicated request gets a second answer (a "no": the key is already set, to our value),
        // and a duplicated reply arrives twice: a store counts once, and as a yes if it ever said
        // yes to this attempt.
        replied.add(from);
        if (reply.ok()) {
          votes.add(from);
        }
        if (replied.size() == config.stores().size()) {
          decide(context);
        }
      }
      case ResourceMessage unused when holding -> release(context, "wrote");
      default -> {} // A late reply to an earlier attempt: that attempt is already decided.
    }
  }

  @Override
  public void onTimer(NodeContext<Message, RedlockTimer> context, RedlockTimer timer) {
    switch (timer) {
      case ACQUIRE_DUE -> acquire(context);
      case REPLIES_DUE -> {
        if (collecting) {
          decide(context);
        }
      }
      case WRITE_DUE -> write(context);
    }
  }

  private void acquire(NodeContext<Message, RedlockTimer> context) {
    attempt++;
    value = context.self() + ":" + Long.toHexString(context.random().nextLong());
    startMonoNanos = context.monotonicNanos();
    collecting = true;
    replied.clear();
    votes.clear();
    for (NodeId store : config.stores()) {
      context.send(store, new SetIfAbsent(config.key(), value, config.ttlNanos(), attempt));
    }
    context.setTimer(RedlockTimer.REPLIES_DUE, config.requestTimeoutNanos());
  }

  private void decide(NodeContext<Message, RedlockTimer> context) {
    collecting = false;
    context.cancelTimer(RedlockTimer.REPLIES_DUE);
    long nowNanos = context.monotonicNanos();
    long elapsedNanos = nowNanos - startMonoNanos;
    long counted = config.has(RedlockBug.VALIDITY_IGNORES_ELAPSED) ? 0 : elapsedNanos;
    long validityNanos = config.ttlNanos() - counted - config.driftAllowanceNanos();
    boolean quorum = votes.size() >= config.quorum();
    if (quorum && validityNanos > 0) {
      holding = true;
      holdUntilMonoNanos = nowNanos + validityNanos;
      acquisitions++;
      context.count("redlock.acquired", 1);
      context.record(
          "lock", new LockEvent("acquired", value, votes.size(), elapsedNanos, validityNanos));
      context.note(
          context.self()
              + " holds the lock on "
              + votes
              + " for "
              + TimeText.format(validityNanos)
              + " by its own clock");
      context.setTimer(RedlockTimer.WRITE_DUE, script.workNanos());
      return;
    }
    String event = quorum ? "expired-before-use" : "no-quorum";
    context.count("redlock.failed." + event, 1);
    context.record("lock", new LockEvent(event, value, votes.size(), elapsedNanos, validityNanos));
    unlockEverywhere(context);
    if (attempt < config.maxAttempts()) {
      context.setTimer(
          RedlockTimer.ACQUIRE_DUE,
          context
              .random()
              .nextLongBetween(config.retryDelayMinNanos(), config.retryDelayMaxNanos()));
    }
  }

  private void write(NodeContext<Message, RedlockTimer> context) {
    if (!holding) {
      return;
    }
    if (config.checkValidityBeforeWrite() && !holdsAt(context.monotonicNanos())) {
      context.count("redlock.writes.abandoned", 1);
      release(context, "its validity ran out before it could write");
      return;
    }
    context.send(config.resource(), new Write(value, ResourceMessage.NO_TOKEN, acquisitions));
  }

  private void release(NodeContext<Message, RedlockTimer> context, String why) {
    holding = false;
    context.record("lock", new LockEvent("released", value, 0, 0, 0));
    context.note(context.self() + " releases everywhere: " + why);
    unlockEverywhere(context);
  }

  private void unlockEverywhere(NodeContext<Message, RedlockTimer> context) {
    for (NodeId store : config.stores()) {
      context.send(store, new DeleteIfValue(config.key(), value));
    }
  }

  /** Whether the client believes it holds the lock when its monotonic clock reads {@code mono}. */
  public boolean holdsAt(long monoNanos) {
    return holding && monoNanos < holdUntilMonoNanos;
  }

  /** The random value of its current or last attempt, or null before one. */
  public String value() {
    return value;
  }

  /** How many times it has acquired the lock. */
  public long acquisitions() {
    return acquisitions;
  }

  /** When its validity ends by its own monotonic clock, readable. */
  public String holdUntilText() {
    return TimeText.format(holdUntilMonoNanos);
  }
}
