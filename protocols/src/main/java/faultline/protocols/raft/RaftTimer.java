package faultline.protocols.raft;

import faultline.engine.node.TimerTag;

/**
 * Timers of servers, named for the deadline they mark (clients have their own, {@link
 * faultline.protocols.kv.ClientTimer}).
 */
public sealed interface RaftTimer extends TimerTag {
  enum Server implements RaftTimer {
    /** A follower or candidate heard from no leader for a randomized election timeout (§5.2). */
    ELECTION_TIMEOUT,
    /** The leader's next heartbeat round is due. */
    HEARTBEAT_DUE,
    /** CheckQuorum: the leader asks whether a majority answered it within the last timeout. */
    CHECK_QUORUM_DUE
  }
}
