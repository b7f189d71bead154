package faultline.protocols.raft;

import java.util.List;

/**
 * The leader's commit rule (Figure 2, "Rules for Servers", Leaders, last bullet; §5.3, §5.4.2): the
 * leader may set commitIndex to N when a majority of matchIndex values are at least N and
 * log[N].term is the current term. An entry of an earlier term is never committed by counting its
 * replicas (the paper's Figure 8 shows how such an entry can still be overwritten); it becomes
 * committed along with a later entry of the current term.
 *
 * <p>{@link Replication} asks the rule after every successful AppendEntries reply and when a leader
 * takes office, and keeps the larger of its commitIndex and the answer.
 */
@FunctionalInterface
public interface CommitRule {
  /**
   * The paper's rule, what every {@code raft} scenario runs: the largest N above {@code
   * commitIndex} whose entry is of {@code currentTerm} and that a majority stores.
   */
  CommitRule PAPER =
      (log, currentTerm, commitIndex, matchIndexes) ->
          highest(log, commitIndex, matchIndexes, currentTerm);

  /**
   * The bug zoo's {@link RaftBug#COMMIT_EARLIER_TERM_BY_COUNTING}: the largest N a majority stores,
   * whatever its term.
   */
  CommitRule COUNTING_EVERY_TERM =
      (log, currentTerm, commitIndex, matchIndexes) -> highest(log, commitIndex, matchIndexes, -1);

  /**
   * The leader's new commitIndex.
   *
   * @param log the leader's log
   * @param currentTerm the leader's term
   * @param commitIndex the leader's commitIndex now
   * @param matchIndexes one per server of the cluster, the leader's own (its last index) included:
   *     the highest index known to be stored on that server
   * @return the new commitIndex; an answer not above {@code commitIndex} changes nothing
   */
  long commitIndex(LogView log, long currentTerm, long commitIndex, List<Long> matchIndexes);

  /** The largest N above {@code commitIndex} on a majority, of {@code term} unless it is -1. */
  private static long highest(LogView log, long commitIndex, List<Long> matchIndexes, long term) {
    int majority = matchIndexes.size() / 2 + 1;
    for (long index = log.lastIndex(); index > commitIndex; index--) {
      if (term >= 0 && log.term(index) != term) {
        if (log.term(index) < term) {
          return commitIndex; // Terms only fall from here down.
        }
        continue;
      }
      int replicas = 0;
      for (int i = 0; i < matchIndexes.size(); i++) { // By index: no iterator per index tried.
        if (matchIndex(matchIndexes, i) >= index) {
          replicas++;
        }
      }
      if (replicas >= majority) {
        return index;
      }
    }
    return commitIndex;
  }

  /**
   * {@code matchIndexes.get(i)}, unboxed from the leader's own {@link MatchIndexes} without a
   * {@code Long}: the compiler did not always remove the box, one per server and index tried.
   */
  private static long matchIndex(List<Long> matchIndexes, int i) {
    return matchIndexes instanceof MatchIndexes held ? held.getLong(i) : matchIndexes.get(i);
  }
}
