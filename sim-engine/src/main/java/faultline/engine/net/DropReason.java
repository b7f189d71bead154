package faultline.engine.net;

/** Why a message never reached its destination's handler. Written in traces as the label. */
public enum DropReason {
  /** The link lost it (the {@code loss} probability). */
  LOSS("loss"),
  /** Sender and receiver were on different sides of a partition, at send or at arrival. */
  PARTITION("partition"),
  /** The directed link from sender to receiver was blocked, at send or at arrival. */
  BLOCKED("blocked"),
  /** The receiver was crashed when the message arrived (or crashed while it waited, paused). */
  NODE_DOWN("node-down");

  private final String label;

  DropReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
