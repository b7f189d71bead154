package faultline.protocols.swim;

import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/** SWIM's timers; each names the deadline it marks. */
public sealed interface SwimTimer extends TimerTag {
  /** Timers of which a member has at most one armed at a time. */
  enum Single implements SwimTimer {
    /** The end of a protocol period, T' (§3.1): judge the probe, start the next. */
    PROBE_PERIOD,
    /** No direct ack within the ping timeout: ask k members to probe indirectly (§3.1). */
    PROBE_TIMEOUT,
    /** A member that joins later than time zero, or rejoins after a restart, asks a seed now. */
    JOIN_DUE,
    /** No answer from the seed asked last; ask the next one. */
    JOIN_RETRY,
    /** Time to ping one member held faulty, in case it is alive (a healed partition). */
    RECONNECT_DUE,
    /** Time to leave the group gracefully. */
    LEAVE_DUE
  }

  /** The suspicion of {@code member} times out: confirm it faulty (§4.2). */
  record SuspicionTimeout(NodeId member) implements SwimTimer {}

  /** A ping relayed for a ping-req is over: forget it, sending a nack if one was asked for. */
  record RelayTimeout(long seq) implements SwimTimer {}
}
