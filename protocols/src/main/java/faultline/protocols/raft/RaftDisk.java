package faultline.protocols.raft;

import faultline.engine.node.NodeId;
import java.nio.charset.StandardCharsets;
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
