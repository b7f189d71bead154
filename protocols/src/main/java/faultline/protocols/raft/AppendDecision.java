package faultline.protocols.raft;

import java.util.List;

/**
 * What a follower's {@link AppendRule} decided about one AppendEntries whose term it accepted: to
 * refuse it, or to change its log and commitIndex. The server carries the decision out, syncs its
 * log and answers.
 */
public sealed interface AppendDecision {
  /** Figure 2, AppendEntries receiver rule 2: the log does not match at prevLogIndex. */
  static AppendDecision reject() {
    return Reject.INSTANCE; // It holds nothing: one for every refused AppendEntries.
  }

  /**
   * Accepts the entries.
   *
   * @param truncateFrom the first index to delete, with everything after it (rule 3), or 0 to
   *     delete nothing
   * @param newEntries the entries to append after that (rule 4), in order, at the end of the log
   * @param commitIndex the commitIndex the follower may now have (rule 5); the server keeps the
   *     larger of this and the one it has
   */
  static AppendDecision accept(long truncateFrom, List<LogEntry> newEntries, long commitIndex) {
    return new Accept(truncateFrom, newEntries, commitIndex);
  }

  /** The log does not contain an entry at prevLogIndex whose term matches prevLogTerm. */
  record Reject() implements AppendDecision {
    private static final Reject INSTANCE = new Reject();

    @Override
    public String toString() {
      return "reject()";
    }
  }

  /** See {@link AppendDecision#accept}. */
  record Accept(long truncateFrom, List<LogEntry> newEntries, long commitIndex)
      implements AppendDecision {
    public Accept {
      newEntries = List.copyOf(newEntries);
    }

    @Override
    public String toString() {
      return "accept(truncateFrom "
          + truncateFrom
          + ", append "
          + newEntries.stream().map(entry -> "t" + entry.term()).toList()
          + ", commitIndex "
          + commitIndex
          + ")";
    }
  }
}
