package faultline.protocols.register;

import faultline.engine.node.NodeId;
import faultline.protocols.clocks.ClockStamps;

/**
 * One write to the register.
 *
 * @param origin the node that wrote it
 * @param sequence its number among the origin's writes, from 1
 */
public record Write(NodeId origin, long sequence, String value, ClockStamps stamps) {
  /** A short, readable name for messages: {@code "b" (n2's write #1)}. */
  public String describe() {
    return "\"" + value + "\" (" + origin + "'s write #" + sequence + ")";
  }
}
