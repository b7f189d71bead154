package faultline.protocols.raft;

import faultline.engine.node.TimerTag;

/** Timers of servers and clients, named for the deadline they mark. */
public sealed interface RaftTimer extends TimerTag {
  enum Server implements RaftTimer {
    /** A follower or candidate heard from no leader for a randomized election timeout (§5.2). */
    ELECTION_TIMEOUT,
    /** The leader's next heartbeat round is due. */
    HEARTBEAT_DUE,
    /** CheckQuorum: the leader asks whether a majority answered it within the last timeout. */
    CHECK_QUORUM_DUE
  }

  /** A client process's next step is due: a new operation, a retry, or giving up. */
  record ProcessDue(int slot) implements RaftTimer {}

  /** Scripted client operation number {@code index} is due. */
  record ScriptedOpDue(int index) implements RaftTimer {}
}
