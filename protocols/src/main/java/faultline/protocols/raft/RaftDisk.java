package faultline.protocols.raft;

import faultline.engine.node.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Where Figure 2's persistent state lives on a server's disk: currentTerm, votedFor, and one key
 * per log entry. {@link PersistentState} writes it; the invariant that checks a reply's state was
 * synced before the reply left reads it back from what a power failure would leave.
 */
public final class RaftDisk {
  static final String TERM = "raft.currentTerm";
  static final String VOTED_FOR = "raft.votedFor";
  static final String LOG_PREFIX = "raft.log/";
  private static final byte[] LOG_PREFIX_BYTES = LOG_PREFIX.getBytes(StandardCharsets.US_ASCII);

  private RaftDisk() {}

  /** The currentTerm on {@code disk}, 0 when none was ever stored. */
  public static long term(SortedMap<String, Object> disk) {
    return disk.get(TERM) instanceof Long term ? term : 0;
  }

  /** The votedFor on {@code disk}: empty when no vote is stored for its term. */
  public static Optional<NodeId> votedFor(SortedMap<String, Object> disk) {
    return disk.get(VOTED_FOR) instanceof String name
        ? Optional.of(NodeId.of(name))
        : Optional.empty();
  }

  /** The log entry at {@code index} on {@code disk}, if there is one. */
  public static Optional<LogEntry> entry(SortedMap<String, Object> disk, long index) {
    return Optional.ofNullable(entryOrNull(disk, index));
  }

  /** The log entry at {@code index} on {@code disk}, or null: for checks run after every event. */
  public static LogEntry entryOrNull(SortedMap<String, Object> disk, long index) {
    return disk.get(key(index)) instanceof LogEntry entry ? entry : null;
  }

  /** The log entry stored under {@code key} (made by {@link LogKeys}) on {@code disk}, or null. */
  public static LogEntry entryOrNull(SortedMap<String, Object> disk, String key) {
    return disk.get(key) instanceof LogEntry entry ? entry : null;
  }

  /**
   * The disk's log keys by index, each made once: a check that reads a server's disk after every
   * step asks for the keys of the same indexes again and again, and made afresh each was a quarter
   * of what that check allocated.
   */
  public static final class LogKeys {
    private String[] keys = new String[64]; // keys[index], made when first asked for.

    /** The key of the entry at {@code index} (at least 1). */
    public String of(long index) {
      if (index < 1 || index > Integer.MAX_VALUE - 8) {
        return key(index);
      }
      if (index >= keys.length) {
        keys =
            Arrays.copyOf(
                keys, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(index + 1, keys.length * 2L)));
      }
      String key = keys[(int) index];
      if (key == null) {
        key = key(index);
        keys[(int) index] = key;
      }
      return key;
    }
  }

  /** {@code raft.log/} and the index zero-padded to 12 digits, so that keys sort by index. */
  static String key(long index) {
    // By hand rather than String.format, which parsed its pattern on every append, and into one
    // array rather than by concatenation: every append, sync check and truncation makes a key.
    if (index < 0 || index >= 1_000_000_000_000L) {
      String digits = Long.toString(index);
      return LOG_PREFIX + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
    }
    // Bytes, not chars: the key is ASCII, and a String made from Latin-1 bytes is one copy, where
    // one made from chars is a char array twice the size and a compressed copy of it.
    byte[] key = new byte[LOG_PREFIX_BYTES.length + 12];
    System.arraycopy(LOG_PREFIX_BYTES, 0, key, 0, LOG_PREFIX_BYTES.length);
    long rest = index;
    for (int i = key.length - 1; i >= LOG_PREFIX_BYTES.length; i--) {
      key[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    return new String(key, StandardCharsets.ISO_8859_1);
  }
}
