package faultline.protocols.raft;

import faultline.engine.Check;
import java.util.List;

/**
 * A read-only view of a Raft log, indexed from 1 as in the paper: index 0 is the empty prefix, of
 * term 0. What the replication rules of {@link ReplicationRules} may look at; they never change a
 * log themselves.
 */
public interface LogView {
  /** The index of the last entry; 0 for an empty log. */
  long lastIndex();

  /** The term of the entry at {@code index}; 0 for index 0. */
  long term(long index);

  /** The entry at {@code index}, from 1 to {@link #lastIndex()}. */
  LogEntry entry(long index);

  /** A fixed log holding {@code entries} at indexes 1, 2, ...: for tests and exercises. */
  static LogView of(List<LogEntry> entries) {
    List<LogEntry> copy = List.copyOf(entries);
    return new LogView() {
      @Override
      public long lastIndex() {
        return copy.size();
      }

      @Override
      public long term(long index) {
        return index == 0 ? 0 : entry(index).term();
      }

      @Override
      public LogEntry entry(long index) {
        Check.argument(1 <= index && index <= copy.size(), "no entry at %s", index);
        return copy.get((int) (index - 1));
      }

      @Override
      public String toString() {
        return "log" + copy.stream().map(LogEntry::term).toList();
      }
    };
  }

  /**
   * A live view of a server's own log (the same one every time: the rules ask on every message).
   */
  static LogView of(RaftLog log) {
    return log.view();
  }
}
