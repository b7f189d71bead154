package faultline.engine;

import faultline.engine.node.NodeId;

/**
 * A node's handler threw: a bug in protocol code, not in the engine. Says which node, what it was
 * handling, when, and with which seed, so the failure can be replayed; the handler's exception is
 * the cause.
 */
public final class NodeFailure extends RuntimeException {
  private final NodeId node;
  private final long atNanos;
  private final long seed;

  NodeFailure(NodeId node, String handling, long atNanos, long seed, RuntimeException cause) {
    super(
        node
            + " threw "
            + cause.getClass().getSimpleName()
            + " while handling "
            + handling
            + " at "
            + atNanos
            + " ns (seed "
            + seed
            + ")"
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
        cause);
    this.node = node;
    this.atNanos = atNanos;
    this.seed = seed;
  }

  public NodeId node() {
    return node;
  }

  public long atNanos() {
    return atNanos;
  }

  public long seed() {
    return seed;
  }
}
