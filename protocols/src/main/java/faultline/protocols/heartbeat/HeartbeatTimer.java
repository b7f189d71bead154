package faultline.protocols.heartbeat;

import faultline.engine.node.TimerTag;

/** A heartbeat member's timers. */
public enum HeartbeatTimer implements TimerTag {
  /** Send the next round of heartbeats. */
  SEND,
  /** Judge every other member by the heartbeats seen so far. */
  CHECK
}
