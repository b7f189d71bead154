package faultline.protocols.raft;

import faultline.protocols.kv.AppendedValues;
import faultline.protocols.kv.KvReplica;
import java.util.Arrays;

/**
 * The strings the servers of one cluster make for a log entry, made once for all of them: the
 * entry's key on each server's disk, its description and the "apply" record that carries it, and
 * the value an append leaves in the state machine ({@link AppendedValues}). All depend only on the
 * index and, by Log Matching, on the entry every server holds there, so five servers used to make
 * five equal copies of each, a tenth of a run's allocation on the workload.
 *
 * <p>Shared by the servers of one run only (one thread); a server made alone gets its own. A
 * description is reused only for an equal entry at the same index, so a server whose log diverged
 * (an uncommitted entry later overwritten) still describes its own entry; an apply record only for
 * the same index, term and description. Records are immutable, so sharing one changes no trace.
 */
public final class EntryStrings {
  private static final int INDEX_CACHED_MAX = Integer.MAX_VALUE - 8;

  private final RaftDisk.LogKeys diskKeys;
  private final AppendedValues appendedValues = new AppendedValues();
  private LogEntry[] described = new LogEntry[64]; // described[index]: the entry last described.
  private String[] descriptions = new String[64]; // descriptions[index]: its description.
  private RaftNode.Applied[] applied = new RaftNode.Applied[64]; // applied[index]: the last made.

  /** Strings of its own, keys included. */
  public EntryStrings() {
    this(new RaftDisk.LogKeys());
  }

  /** Strings that take the disk keys from {@code diskKeys}, which checks of the disk may share. */
  public EntryStrings(RaftDisk.LogKeys diskKeys) {
    this.diskKeys = diskKeys;
  }

  /** The values the servers' state machines append, for their {@link KvReplica}s. */
  AppendedValues appendedValues() {
    return appendedValues;
  }

  /** The key of the entry at {@code index} on a server's disk. */
  String diskKey(long index) {
    return diskKeys.of(index);
  }

  /** {@code entry.describe()}, for the entry at {@code index}. */
  String description(long index, LogEntry entry) {
    if (index < 0 || index > INDEX_CACHED_MAX) {
      return entry.describe();
    }
    if (index >= described.length) {
      int length =
          (int) Math.min(INDEX_CACHED_MAX + 1L, Math.max(index + 1, described.length * 2L));
      described = Arrays.copyOf(described, length);
      descriptions = Arrays.copyOf(descriptions, length);
      applied = Arrays.copyOf(applied, length);
    }
    int at = (int) index;
    LogEntry previous = described[at];
    // The servers hold the very object the leader sent, as a rule; equality covers the others.
    if (previous != entry && !entry.equals(previous)) {
      described[at] = entry;
      descriptions[at] = entry.describe();
    }
    return descriptions[at];
  }

  /**
   * The "apply" record of {@code entry} at {@code index}: {@code new RaftNode.Applied(index,
   * entry.term(), description(index, entry))}, the same object for every server that applies an
   * equal entry there.
   */
  RaftNode.Applied applied(long index, LogEntry entry) {
    String command = description(index, entry);
    if (index < 0 || index > INDEX_CACHED_MAX) {
      return new RaftNode.Applied(index, entry.term(), command);
    }
    int at = (int) index; // description(...) grew the arrays to hold it.
    RaftNode.Applied previous = applied[at];
    // The description is one object per equal entry (term included): its identity stands for both.
    if (previous == null || previous.command() != command) {
      previous = new RaftNode.Applied(index, entry.term(), command);
      applied[at] = previous;
    }
    return previous;
  }
}
