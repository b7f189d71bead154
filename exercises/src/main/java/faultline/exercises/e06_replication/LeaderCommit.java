package faultline.exercises.e06_replication;

import faultline.protocols.raft.CommitRule;
import faultline.protocols.raft.LogView;
import java.util.List;

/**
 * Exercise 6, the leader's half: when a Raft leader may advance its commitIndex (Ongaro and
 * Ousterhout, 2014, Figure 2, Rules for Servers, Leaders, last bullet; §5.3 and §5.4.2; Figure 8).
 *
 * <p>The given leader asks this rule after every successful AppendEntries reply, and when it takes
 * office. It keeps the larger of its commitIndex and your answer, then applies the newly committed
 * entries and answers their clients.
 */
public final class LeaderCommit implements CommitRule {
  /**
   * The leader's new commitIndex.
   *
   * @param log the leader's log, indexed from 1 ({@code log.lastIndex()}, {@code log.term(i)})
   * @param currentTerm the leader's term
   * @param commitIndex the leader's commitIndex now
   * @param matchIndexes one per server of the cluster, the leader's own included: the highest log
   *     index known to be stored on that server
   */
  @Override
  public long commitIndex(
      LogView log, long currentTerm, long commitIndex, List<Long> matchIndexes) {
    // BEGIN SOLUTION
    int majority = matchIndexes.size() / 2 + 1;
    for (long n = log.lastIndex(); n > commitIndex; n--) {
      if (log.term(n) != currentTerm) {
        continue; // §5.4.2: replicas of an earlier term's entry are never counted (Figure 8).
      }
      int stored = 0;
      for (long match : matchIndexes) {
        if (match >= n) {
          stored++;
        }
      }
      if (stored >= majority) {
        return n; // Everything before n is committed with it.
      }
    }
    return commitIndex;
    // END SOLUTION
    // STUB: // Your code here: the largest N that a majority stores and that may be committed.
    // STUB: return commitIndex;
  }
}
