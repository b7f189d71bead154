package faultline.protocols.raft;

/**
 * Classic Raft mistakes that a scenario can plant on purpose (the bug zoo), to show that the
 * invariants catch them. Never on by default.
 */
public enum RaftBug {
  /**
   * The leader commits an entry of an earlier term as soon as a majority stores it, without the
   * §5.4.2 rule that only entries of the current term are committed by counting replicas. The
   * paper's Figure 8 shows how such an entry is later overwritten.
   */
  COMMIT_EARLIER_TERM_BY_COUNTING,
  /** RequestVote is granted without the §5.4.1 check that the candidate's log is up to date. */
  VOTE_WITHOUT_LOG_CHECK,
  /** votedFor is not read back after a restart, so a node may vote twice in one term. */
  FORGET_VOTE_ON_RESTART,
  /** AppendEntries from a leader of an older term is accepted instead of rejected (§5.1). */
  ACCEPT_STALE_APPEND,
  /** A node that believes it leads answers reads from its local state without confirming it. */
  STALE_LOCAL_READS,
  /**
   * A follower appends AppendEntries when its log merely reaches prevLogIndex, without checking
   * that its entry there has prevLogTerm (Figure 2, AppendEntries receiver rule 2), so Log Matching
   * (§5.3) no longer holds.
   */
  APPEND_WITHOUT_CONSISTENCY_CHECK,
  /**
   * A leader writes a new client command just after its commitIndex, over the entries it has not
   * committed yet, instead of after its last entry: it deletes entries of its own log (Leader
   * Append-Only, Figure 3).
   */
  LEADER_OVERWRITES_UNCOMMITTED,
  /**
   * A lease lasts as long as the default minimum election timeout allows, as if no server had a
   * shorter timeout of its own: a follower with a shorter per-server timeout can be elected, and
   * commit, while the old leader still serves lease reads (§6.4.1 needs the lease to end before any
   * other server may be elected).
   */
  LEASE_BY_DEFAULT_TIMEOUT,
  /**
   * A voter answers RequestVote before its currentTerm and votedFor are synced to disk, leaving
   * them to its next sync (a group commit that batches too eagerly). Only a crash that loses
   * unsynced writes in between turns it into a double vote; the check that persistent state is on
   * disk before a reply (Figure 2) sees it at the first vote.
   */
  VOTE_BEFORE_SYNC
}
