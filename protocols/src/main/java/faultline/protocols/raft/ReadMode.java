package faultline.protocols.raft;

/** How the key-value store serves {@code get} (Raft §8; Ongaro's dissertation §6.4). */
public enum ReadMode {
  /** A read is a log entry like any write: linearizable, and as slow as a write. */
  LOG,
  /**
   * ReadIndex: the leader notes its commit index, confirms with a heartbeat round that a majority
   * still follows it, waits until it has applied that index, then reads locally.
   */
  READ_INDEX,
  /**
   * Lease: a leader that heard from a majority less than an election timeout ago (the least any
   * other server may draw, per-server ones included, minus a margin for clock drift) reads locally
   * without a round; safe only while clocks drift less than the margin allows. Falls back to
   * ReadIndex when the lease has run out.
   */
  LEASE
}
