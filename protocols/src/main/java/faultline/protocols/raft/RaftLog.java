package faultline.protocols.raft;

import faultline.engine.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A server's log in memory, indexed from 1 as in the paper (index 0 is the empty prefix, of term
 * 0). {@link PersistentState} mirrors every change to durable storage. {@link #mutations()} counts
 * appends and truncations, so that invariants re-read a log only when it changed.
 */
public final class RaftLog {
  private final List<LogEntry> entries = new ArrayList<>();
  private long mutations;
  // The index each truncation started from, in order: invariants that mirror the log ask for the
  // lowest one since their last look, so they re-read only what may have changed.
  private long[] truncatedFrom = new long[4];
  private int truncations;
  private final LogView view = new LiveView();
  // The last slice made, and what it was of: entries [start, end) while mutations was this.
  private List<LogEntry> lastSlice;
  private int lastSliceStart;
  private int lastSliceEnd;
  private long lastSliceMutations;

  /** A read-only live view of this log, for the replication rules; one for the log's life. */
  LogView view() {
    return view;
  }

  /** What the replication rules may see of this log: reads only. */
  private final class LiveView implements LogView {
    @Override
    public long lastIndex() {
      return RaftLog.this.lastIndex();
    }

    @Override
    public long term(long index) {
      return RaftLog.this.term(index);
    }

    @Override
    public LogEntry entry(long index) {
      return RaftLog.this.entry(index);
    }
  }

  public long lastIndex() {
    return entries.size();
  }

  public long lastTerm() {
    return term(lastIndex());
  }

  /** The term of the entry at {@code index}; 0 for index 0. */
  public long term(long index) {
    return index == 0 ? 0 : entry(index).term();
  }

  public LogEntry entry(long index) {
    if (index < 1 || index > lastIndex()) {
      // Not Check.argument: its varargs boxed the index on every call, and every handler and
      // invariant reads entries.
      throw new IllegalArgumentException("no entry at " + index);
    }
    return entries.get((int) (index - 1));
  }

  /**
   * Entries {@code from} (inclusive) up to {@code count} of them, as an immutable list. The same
   * slice asked for again before the log changes is the same list: a leader sends a new entry to
   * every follower in turn, and each made its own.
   */
  List<LogEntry> slice(long from, int count) {
    int start = (int) (from - 1);
    int end = (int) Math.min(entries.size(), start + (long) count);
    if (lastSlice != null
        && start == lastSliceStart
        && end == lastSliceEnd
        && mutations == lastSliceMutations) {
      return lastSlice;
    }
    // One or two entries, what a pipelined AppendEntries usually carries, without the view and the
    // array a copy of a sub-list makes.
    List<LogEntry> slice =
        switch (end - start) {
          case 1 -> List.of(entries.get(start));
          case 2 -> List.of(entries.get(start), entries.get(start + 1));
          default -> start >= end ? List.of() : List.copyOf(entries.subList(start, end));
        };
    lastSlice = slice;
    lastSliceStart = start;
    lastSliceEnd = end;
    lastSliceMutations = mutations;
    return slice;
  }

  public long mutations() {
    return mutations;
  }

  /** How many truncations this log has had; a position for {@link #lowestTruncationSince}. */
  public int truncations() {
    return truncations;
  }

  /**
   * The lowest index removed by the truncations numbered {@code since} (a past value of {@link
   * #truncations()}) and later, or {@link Long#MAX_VALUE} when there were none: every entry below
   * it is the one that was there at that past moment.
   */
  public long lowestTruncationSince(int since) {
    long lowest = Long.MAX_VALUE;
    for (int i = since; i < truncations; i++) {
      lowest = Math.min(lowest, truncatedFrom[i]);
    }
    return lowest;
  }

  void append(LogEntry entry) {
    entries.add(entry);
    mutations++;
  }

  /** Removes the entry at {@code index} and all that follow it. */
  void truncateFrom(long index) {
    Check.argument(index >= 1, "cannot truncate from %s", index);
    while (entries.size() >= index) {
      entries.removeLast();
    }
    mutations++;
    if (truncations == truncatedFrom.length) {
      truncatedFrom = Arrays.copyOf(truncatedFrom, truncations * 2);
    }
    truncatedFrom[truncations++] = index;
  }

  /** The first index holding {@code term}, searching back from {@code index}. */
  long firstIndexOfTermAtOrBefore(long index) {
    long term = term(index);
    long first = index;
    while (first > 1 && term(first - 1) == term) {
      first--;
    }
    return first;
  }

  /** The last index holding {@code term}, or 0 when the log has no entry of that term. */
  long lastIndexOfTerm(long term) {
    for (long index = lastIndex(); index >= 1; index--) {
      long found = term(index);
      if (found == term) {
        return index;
      }
      if (found < term) {
        return 0;
      }
    }
    return 0;
  }
}
