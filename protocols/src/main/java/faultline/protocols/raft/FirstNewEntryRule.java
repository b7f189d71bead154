package faultline.protocols.raft;

import faultline.protocols.raft.RaftMessage.AppendEntries;
import java.util.List;

/**
 * An {@link AppendRule} of this package's own ({@link AppendRule#PAPER} and the bug zoo's twin)
 * that answers with a number: that it refuses an AppendEntries, or the index of the first of its
 * entries that the log does not hold already, from which rules 3 to 5 follow ({@link
 * #truncateFrom}, {@link #newEntries}, {@link #commitIndex}). The server carries those out without
 * an {@link AppendDecision.Accept}, which was 4.6% of a run's allocation, one per accepted
 * AppendEntries: the compiler did not replace the object by its fields even with the whole rule
 * inlined into the handler ({@code -XX:+PrintInlining}), whether refusals were the shared {@code
 * Reject}, a new one or null (a stand-alone copy of the rule did lose it with null). Rules from
 * elsewhere (an exercise's) are asked through {@link #decide}.
 */
@FunctionalInterface
interface FirstNewEntryRule extends AppendRule {
  /** What {@link #firstNew} answers for an AppendEntries that the rule refuses (rule 2). */
  long REFUSED = -1;

  /** {@link #REFUSED}, or the index of the first entry of {@code append} that {@code log} lacks. */
  long firstNew(LogView log, AppendEntries append);

  @Override
  default AppendDecision decide(LogView log, AppendEntries append) {
    long firstNew = firstNew(log, append);
    if (firstNew == REFUSED) {
      return AppendDecision.reject();
    }
    return AppendDecision.accept(
        truncateFrom(log, append, firstNew), newEntries(append, firstNew), commitIndex(append));
  }

  /**
   * Rule 3: the first index to delete, with all after it, or 0: {@code firstNew} when the message
   * brings an entry there and the log has a different one (it holds every entry before).
   */
  static long truncateFrom(LogView log, AppendEntries append, long firstNew) {
    boolean brought = firstNew <= append.prevLogIndex() + append.entries().size();
    return brought && firstNew <= log.lastIndex() ? firstNew : 0;
  }

  /** Rule 4: the entries to append, from {@code firstNew} on (usually the message's own list). */
  static List<LogEntry> newEntries(AppendEntries append, long firstNew) {
    List<LogEntry> entries = append.entries();
    int held = (int) (firstNew - append.prevLogIndex() - 1);
    return held == 0 ? entries : entries.subList(held, entries.size());
  }

  /** Rule 5: the smaller of leaderCommit and the index of the message's last entry. */
  static long commitIndex(AppendEntries append) {
    return Math.min(append.leaderCommit(), append.prevLogIndex() + append.entries().size());
  }
}
