package faultline.protocols.locks;

import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.locks.ResourceMessage.Write;
import faultline.protocols.locks.ResourceMessage.WriteAccepted;
import faultline.protocols.locks.ResourceMessage.WriteRejected;

/**
 * The storage that a lock protects: a single value that lock holders overwrite. With fencing on, it
 * remembers the highest token it has accepted and refuses writes that come from an older lease
 * (Kleppmann 2016, figure "Using fencing tokens"): the check happens where the damage would be
 * done, so a holder that does not know its lease is gone is stopped anyway.
 *
 * <p>The highest token and the value live on the node's disk and are synced before a write is
 * acknowledged: a storage that forgot the highest token across a crash and restart would accept the
 * stale holder's token again, and the fencing argument needs the storage to remember durably. The
 * bug zoo's {@link LockBug#RESOURCE_FORGETS_HIGHEST_TOKEN} is the storage that does not.
 */
public final class StorageResourceNode implements Node<ResourceMessage, LockTimer> {
  /** What the resource did with the last write that reached it, for the invariants. */
  public record Decision(
      long ordinal, NodeId writer, String value, long token, boolean accepted, long highestToken) {}

  /** What survives a crash: the value and the highest token accepted. */
  record DurableState(String value, long highestToken) {}

  static final String STATE_KEY = "resource";

  /** The fields of a {@code write} trace event. */
  record WriteEvent(String writer, String value, long token, String outcome, long highestToken) {}

  /**
   * Whether the storage refuses a write, given its token and the highest token accepted so far.
   * {@link Fencing} is the reference; an exercise plugs in its own.
   */
  @FunctionalInterface
  public interface TokenCheck {
    boolean rejects(long token, long highestToken);
  }

  private final TokenCheck fencing;
  private final boolean forgetsHighestToken;
  private long highestToken;
  private String value;
  private long writes;
  private Decision lastDecision;

  public StorageResourceNode(LockServiceConfig config) {
    this(config, config.fencing()::rejects);
  }

  /** A storage that judges tokens with {@code check} instead of {@code config.fencing()}. */
  public StorageResourceNode(LockServiceConfig config, TokenCheck check) {
    this.fencing = check;
    this.forgetsHighestToken = config.has(LockBug.RESOURCE_FORGETS_HIGHEST_TOKEN);
  }

  @Override
  public void onStart(NodeContext<ResourceMessage, LockTimer> context) {
    context
        .storage()
        .get(STATE_KEY, DurableState.class)
        .ifPresent(
            saved -> {
              value = saved.value();
              highestToken = saved.highestToken();
            });
  }

  @Override
  public void onMessage(
      NodeContext<ResourceMessage, LockTimer> context, NodeId from, ResourceMessage message) {
    switch (message) {
      case Write write -> onWrite(context, from, write);
      case WriteAccepted unused -> {} // Replies are for writers.
      case WriteRejected unused -> {}
    }
  }

  @Override
  public void onTimer(NodeContext<ResourceMessage, LockTimer> context, LockTimer timer) {}

  private void onWrite(NodeContext<ResourceMessage, LockTimer> context, NodeId from, Write write) {
    boolean accepted = !fencing.rejects(write.token(), highestToken);
    if (accepted) {
      value = write.value();
      if (!forgetsHighestToken) {
        highestToken = Math.max(highestToken, write.token());
      }
      context.storage().put(STATE_KEY, new DurableState(value, highestToken));
      context.storage().sync(); // Acknowledged means remembered, crash or not.
      context.count("resource.writes.accepted", 1);
      context.send(from, new WriteAccepted(write.writeId(), write.token()));
    } else {
      context.count("resource.writes.rejected", 1);
      context.send(from, new WriteRejected(write.writeId(), write.token(), highestToken));
    }
    lastDecision =
        new Decision(++writes, from, write.value(), write.token(), accepted, highestToken);
    context.record(
        "write",
        new WriteEvent(
            from.name(),
            write.value(),
            write.token(),
            accepted ? "accepted" : "rejected",
            highestToken));
  }

  /** The resource's last decision, or null before the first write. */
  public Decision lastDecision() {
    return lastDecision;
  }

  /** The value last written, or null. */
  public String value() {
    return value;
  }
}
