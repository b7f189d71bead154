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
 */
public final class StorageResourceNode implements Node<ResourceMessage, LockTimer> {
  /** What the resource did with the last write that reached it, for the invariants. */
  public record Decision(
      long ordinal, NodeId writer, String value, long token, boolean accepted, long highestToken) {}

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
  public void onStart(NodeContext<ResourceMessage, LockTimer> context) {}

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
