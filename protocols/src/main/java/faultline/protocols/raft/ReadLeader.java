package faultline.protocols.raft;

/**
 * A Raft leader as its {@link ReadRule} sees it: what it knows, and the one thing the rule may ask
 * of it, a heartbeat round. Valid only during the call it is passed to.
 */
public interface ReadLeader {
  /** The leader's term. */
  long currentTerm();

  /** The highest log index this leader knows to be committed. */
  long commitIndex();

  /** The highest log index its state machine has applied; a read answered now sees up to it. */
  long lastApplied();

  /**
   * The index of this leader's first entry of its own term: the no-op it appended on taking office
   * (§8 of the Raft paper), not committed yet when {@code commitIndex() < firstIndexOfTerm()}.
   */
  long firstIndexOfTerm();

  /** The leader's log, read-only, indexed from 1. */
  LogView log();

  /**
   * Asks for a heartbeat round that starts no earlier than now, and returns its number: once a
   * majority of the cluster (this leader included) has acknowledged it, no other leader had been
   * elected when it started. Rounds are numbered 1, 2, ... in the order they start; while one is in
   * flight, the answer is the next one, which starts as soon as that one is confirmed (reads that
   * arrive together share it). Under a valid leader lease ({@link ReadMode#LEASE}) the lease is the
   * proof, and the answer is 0. Only from {@link ReadRule#admit}.
   */
  long requestRound();

  /** The highest round a majority has acknowledged (0 before the first). */
  long confirmedRound();
}
