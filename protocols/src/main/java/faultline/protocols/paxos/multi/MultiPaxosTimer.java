package faultline.protocols.paxos.multi;

import faultline.engine.node.TimerTag;

/** A server's timers, named for the deadline they mark. */
public enum MultiPaxosTimer implements TimerTag {
  /**
   * The failure detector: a follower heard nothing from a leader for a randomized timeout, or a
   * candidate's phase 1 did not finish in one; either starts a candidacy with a higher ballot.
   */
  LEADER_TIMEOUT,
  /** The leader's next heartbeat is due (also when it resends accepts that got no quorum yet). */
  HEARTBEAT_DUE
}
