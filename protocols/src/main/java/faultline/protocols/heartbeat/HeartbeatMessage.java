package faultline.protocols.heartbeat;

import faultline.engine.node.Message;

/**
 * A heartbeat: "I was alive when I sent this". {@code incarnation} counts the sender's restarts, so
 * that a member that comes back is told apart from the one that stopped.
 */
public record HeartbeatMessage(long seq, long incarnation) implements Message {
  /** Bytes on the wire: a header and two numbers, as {@code SwimMessage} counts its own. */
  static final long WIRE_BYTES = 12 + 16;
}
