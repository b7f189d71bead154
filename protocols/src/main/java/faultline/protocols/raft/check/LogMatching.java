package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.LogEntry;
import faultline.protocols.raft.RaftLog;
import faultline.protocols.raft.RaftNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Figure 3, Log Matching: if two logs hold an entry with the same index and term, they hold the
 * same entry there and are identical in every entry before it. Each entry is summarized with a hash
 * of its whole prefix; the first server to hold an (index, term) registers the entry and the prefix
 * hash, and every later holder must match both. Equal prefixes always hash equally, so a mismatch
 * is always a real difference.
 */
final class LogMatching extends ServerStepInvariant {
  // The first holder of each (index, term): of the first term seen at an index in an array by
  // index, of any other term there (entries a new leader overwrote) in a map, which most runs
  // never use. A map of every (index, term) cost a key and a hash per entry and server.
  private final ByIndex<Registered> firstTermAt = new ByIndex<>();
  private final LookupMap<IndexTerm, Registered> otherTermsAt =
      new LookupMap<>(); // Only looked up.
  private final LookupMap<NodeId, Mirror> mirrors = new LookupMap<>(); // Only looked up.

  private record IndexTerm(long index, long term) {}

  /** The first holder of an entry, the entry's own hash code and the hash of its prefix. */
  private record Registered(NodeId holder, LogEntry entry, int entryHash, long prefixHash) {}

  /** What this checker last saw of one server's log. */
  private static final class Mirror {
    RaftNode node;
    long mutations = -1;
    int truncationsSeen;
    final List<LogEntry> entries = new ArrayList<>();
    long[] prefixHashes = new long[16]; // The first entries.size() are in use.
  }

  @Override
  public String name() {
    return RaftInvariants.LOG_MATCHING;
  }

  @Override
  public String description() {
    return "Two logs with an entry of the same index and term are identical up to that index.";
  }

  @Override
  void afterServerStep(InvariantContext context, NodeId id, RaftNode node) {
    Mirror mirror = mirrors.get(id);
    if (mirror == null) {
      mirror = new Mirror();
      mirrors.put(id, mirror);
    }
    RaftLog log = node.log();
    if (mirror.node == node && mirror.mutations == log.mutations()) {
      return;
    }
    int same = unchangedPrefix(mirror, node, log);
    mirror.node = node;
    mirror.mutations = log.mutations();
    mirror.truncationsSeen = log.truncations();
    while (mirror.entries.size() > same) {
      mirror.entries.removeLast(); // Not subList(...).clear(): a view per changed log.
    }
    for (long index = same + 1; index <= log.lastIndex(); index++) {
      LogEntry entry = log.entry(index);
      long previous = index == 1 ? 0 : mirror.prefixHashes[(int) index - 2];
      Registered first = registered(index, entry.term());
      // A follower usually holds the very entry object its leader registered (messages and disks
      // pass entries by reference), whose hash code is known: the same object hashes the same.
      int entryHash =
          first != null && first.entry() == entry ? first.entryHash() : entry.hashCode();
      long hash = mix(previous * 31 + entryHash);
      mirror.entries.add(entry);
      if (mirror.prefixHashes.length < mirror.entries.size()) {
        mirror.prefixHashes = Arrays.copyOf(mirror.prefixHashes, mirror.prefixHashes.length * 2);
      }
      mirror.prefixHashes[(int) index - 1] = hash;
      if (first == null) {
        register(index, new Registered(id, entry, entryHash, hash));
      } else if ((first.entry() != entry && !first.entry().equals(entry))
          || first.prefixHash() != hash) {
        context.fail(id, mismatch(id, index, entry, first));
        return;
      }
    }
  }

  /** The first holder of an entry of {@code term} at {@code index}, or null. */
  private Registered registered(long index, long term) {
    Registered first = firstTermAt.get(index);
    if (first == null || first.entry().term() == term) {
      return first;
    }
    return otherTermsAt.get(new IndexTerm(index, term));
  }

  /** Registers the first holder of its entry's (index, term), which had none. */
  private void register(long index, Registered holder) {
    if (firstTermAt.get(index) == null) {
      firstTermAt.put(index, holder);
    } else {
      otherTermsAt.put(new IndexTerm(index, holder.entry().term()), holder);
    }
  }

  /**
   * How many leading entries of the mirror are still the log's own. The same log object changes
   * below its old end only by truncation, which it counts, so that needs no scan; a new object (a
   * restarted server) is compared entry by entry.
   */
  private static int unchangedPrefix(Mirror mirror, RaftNode node, RaftLog log) {
    int limit = (int) Math.min(mirror.entries.size(), log.lastIndex());
    if (mirror.node == node) {
      long truncated = log.lowestTruncationSince(mirror.truncationsSeen);
      return (int) Math.min(limit, truncated - 1);
    }
    int same = 0;
    while (same < limit && mirror.entries.get(same) == log.entry(same + 1)) {
      same++;
    }
    return same;
  }

  private static String mismatch(NodeId id, long index, LogEntry entry, Registered first) {
    String what =
        first.entry().equals(entry)
            ? "the same entry (" + entry.describe() + ") but different entries before it"
            : entry.describe() + " where " + first.holder() + " holds " + first.entry().describe();
    return id
        + " and "
        + first.holder()
        + " both hold an entry of term "
        + entry.term()
        + " at index "
        + index
        + ", yet "
        + id
        + " holds "
        + what;
  }

  /** The SplitMix64 finalizer: spreads the bits so that prefix hashes rarely collide. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
