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
  AppendRule PAPER = (FirstNewEntryRule) AppendRule::paper;

  /**
   * The bug zoo's {@link RaftBug#APPEND_WITHOUT_CONSISTENCY_CHECK}: rule 2 checks only that the log
   * reaches prevLogIndex, not that its entry there has prevLogTerm, so entries land after a
   * different history and two logs share an entry without sharing what precedes it.
   */
  AppendRule WITHOUT_CONSISTENCY_CHECK = (FirstNewEntryRule) AppendRule::withoutConsistencyCheck;

  /** What the follower whose log is {@code log} does with {@code append}; changes nothing. */
  AppendDecision decide(LogView log, AppendEntries append);

  // These answer as FirstNewEntryRule#firstNew does.
  private static long paper(LogView log, AppendEntries append) {
    long previous = append.prevLogIndex();
    if (previous > log.lastIndex() || log.term(previous) != append.prevLogTerm()) {
      return FirstNewEntryRule.REFUSED;
    }
    return firstNotHeld(log, append);
  }

  private static long withoutConsistencyCheck(LogView log, AppendEntries append) {
    if (append.prevLogIndex() > log.lastIndex()) {
      return FirstNewEntryRule.REFUSED; // A gap: even a careless follower cannot append here.
    }
    return firstNotHeld(log, append);
  }

  /**
   * Rules 3 to 5, once the entry before the new ones is accepted: the first entry past the end of
   * the log, or in conflict with it, and all after it are new; those before it are already here (a
   * duplicate or reordered AppendEntries). Returns its index, or the index after the message's last
   * entry when the log holds them all.
   */
  private static long firstNotHeld(LogView log, AppendEntries append) {
    long index = append.prevLogIndex() + 1;
    List<LogEntry> entries = append.entries();
    for (int i = 0; i < entries.size(); i++, index++) {
      if (index > log.lastIndex() || log.term(index) != entries.get(i).term()) {
        return index;
      }
    }
    return index;
  }
}
