package faultline.protocols.raft;

import faultline.protocols.raft.RaftMessage.AppendEntries;
import java.util.List;

/**
 * A follower's handling of an AppendEntries from the leader of its term (Figure 2, AppendEntries
 * RPC, receiver implementation, rules 2 to 5; §5.3): the consistency check on prevLogIndex and
 * prevLogTerm, deleting a conflicting entry and all that follow it (but never entries that match: a
 * delayed or duplicated AppendEntries must not undo a newer one), appending the entries not already
 * in the log, and commitIndex = min(leaderCommit, index of last new entry). Rule 1, the term check,
 * and the reply stay with {@link Replication}.
 */
@FunctionalInterface
public interface AppendRule {
  /** The paper's rules, what every {@code raft} scenario runs. */
  AppendRule PAPER = AppendRule::paper;

  /**
   * The bug zoo's {@link RaftBug#APPEND_WITHOUT_CONSISTENCY_CHECK}: rule 2 checks only that the log
   * reaches prevLogIndex, not that its entry there has prevLogTerm, so entries land after a
   * different history and two logs share an entry without sharing what precedes it.
   */
  AppendRule WITHOUT_CONSISTENCY_CHECK = AppendRule::withoutConsistencyCheck;

  /** What the follower whose log is {@code log} does with {@code append}; changes nothing. */
  AppendDecision decide(LogView log, AppendEntries append);

  private static AppendDecision paper(LogView log, AppendEntries append) {
    long previous = append.prevLogIndex();
    if (previous > log.lastIndex() || log.term(previous) != append.prevLogTerm()) {
      return AppendDecision.reject();
    }
    return merge(log, append);
  }

  private static AppendDecision withoutConsistencyCheck(LogView log, AppendEntries append) {
    if (append.prevLogIndex() > log.lastIndex()) {
      return AppendDecision.reject(); // A gap: even a careless follower cannot append here.
    }
    return merge(log, append);
  }

  /**
   * Rules 3 to 5, once the entry before the new ones is accepted. The first entry past the end of
   * the log, or in conflict with it, and all after it are new; those before it are already here (a
   * duplicate or reordered AppendEntries). In the usual case every entry is new, and the decision
   * carries the message's own list.
   */
  private static AppendDecision merge(LogView log, AppendEntries append) {
    long previous = append.prevLogIndex();
    List<LogEntry> entries = append.entries();
    long truncateFrom = 0;
    int firstNew = 0;
    while (firstNew < entries.size()) {
      long index = previous + firstNew + 1;
      if (index > log.lastIndex()) {
        break; // Past the end of the log.
      }
      if (log.term(index) != entries.get(firstNew).term()) {
        truncateFrom = index; // A conflict: this entry and all after it go.
        break;
      }
      firstNew++;
    }
    List<LogEntry> newEntries = firstNew == 0 ? entries : entries.subList(firstNew, entries.size());
    long lastIndex = previous + entries.size();
    return AppendDecision.accept(
        truncateFrom, newEntries, Math.min(append.leaderCommit(), lastIndex));
  }
}
