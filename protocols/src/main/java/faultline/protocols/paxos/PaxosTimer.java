package faultline.protocols.paxos;

import faultline.engine.node.TimerTag;

/** A proposer's timers, named for the deadline they mark. */
public enum PaxosTimer implements TimerTag {
  /** The proposer's configured start time has come: it begins its first attempt. */
  PROPOSE_DUE,
  /** The current attempt has not finished in time (a lost message, a crashed acceptor): retry. */
  ATTEMPT_TIMEOUT,
  /** The randomized pause after a preempted attempt is over: try again with a higher ballot. */
  BACKOFF_OVER
}
