package faultline.exercises.e06_replication;

import faultline.protocols.raft.AppendDecision;
import faultline.protocols.raft.AppendRule;
import faultline.protocols.raft.LogEntry;
import faultline.protocols.raft.LogView;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 6, the follower's half: what a Raft follower does with an AppendEntries from the leader
 * of its term (Ongaro and Ousterhout, "In Search of an Understandable Consensus Algorithm (Extended
 * Version)", 2014, Figure 2, AppendEntries RPC, receiver implementation, rules 2 to 5; §5.3).
 *
 * <p>The given server has already done rule 1 (a stale term is refused before you are asked) and
 * does everything after you: it carries out your decision on its durable log, syncs it, answers the
 * leader and applies what is committed. You only decide, from the follower's log as it is now.
 */
public final class FollowerAppend implements AppendRule {
  /**
   * What the follower whose log is {@code log} does with {@code append}. Read {@code
   * append.prevLogIndex()}, {@code append.prevLogTerm()}, {@code append.entries()} (the first one
   * belongs at index prevLogIndex + 1) and {@code append.leaderCommit()}; the log is indexed from 1
   * and {@code log.term(0)} is 0.
   *
   * @return {@link AppendDecision#reject()} when the log has no entry at prevLogIndex whose term is
   *     prevLogTerm; otherwise {@link AppendDecision#accept(long, List, long)} with the first index
   *     to delete (0 for none), the entries to append at the end after that, and the new
   *     commitIndex
   */
  @Override
  public AppendDecision decide(LogView log, AppendEntries append) {
    // BEGIN SOLUTION
    long previous = append.prevLogIndex();
    if (previous > log.lastIndex() || log.term(previous) != append.prevLogTerm()) {
      return AppendDecision.reject(); // Rule 2.
    }
    long truncateFrom = 0;
    List<LogEntry> newEntries = new ArrayList<>();
    long index = previous;
    for (LogEntry entry : append.entries()) {
      index++;
      if (newEntries.isEmpty() && index <= log.lastIndex()) {
        if (log.term(index) == entry.term()) {
          continue; // Already here: a duplicate or delayed AppendEntries must not undo anything.
        }
        truncateFrom = index; // Rule 3: a conflict; this entry and all that follow it go.
      }
      newEntries.add(entry); // Rule 4.
    }
    return AppendDecision.accept(truncateFrom, newEntries, Math.min(append.leaderCommit(), index));
    // END SOLUTION
    // STUB: // Your code here: rules 2 to 5 of Figure 2's AppendEntries receiver. This stub
    // STUB: // accepts every message and changes nothing, which the leader will believe.
    // STUB: return AppendDecision.accept(0, List.of(), 0);
  }
}
