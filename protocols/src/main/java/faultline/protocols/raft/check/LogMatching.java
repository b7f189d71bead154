package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.LogEntry;
import faultline.protocols.raft.RaftLog;
import faultline.protocols.raft.RaftNode;

/**
 * Figure 3, Log Matching: if two logs hold an entry with the same index and term, they hold the
 * same entry there and are identical in every entry before it. The first server to hold an (index,
 * term) registers its entry there and the term of the entry before it; every later holder must
 * match both. That is the whole prefix by induction: a server's entries are checked in index order,
 * so the entry before is checked already, against the first holder of its own (index, term), which
 * the first holder of this one matched too. A difference is found at the lowest index where two
 * logs that share an (index, term) part, with no hashing and so no collision to miss one by.
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

  /** The first holder of an entry, the entry, and the term of the entry before it (0 for none). */
  private record Registered(NodeId holder, LogEntry entry, long previousTerm) {}

  /**
   * How much of one server's log this checker has checked: its first {@code checked} entries, as
   * they were when the log had {@code mutations} changes and {@code truncationsSeen} truncations.
   * No copy of the entries: checking one needs only the log's own entry and the term before it.
   */
  private static final class Mirror {
    RaftNode node;
    long mutations = -1;
    int truncationsSeen;
    long checked;
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
    long same = unchanged(mirror, node, log);
    mirror.node = node;
    mirror.mutations = log.mutations();
    mirror.truncationsSeen = log.truncations();
    mirror.checked = same;
    for (long index = same + 1; index <= log.lastIndex(); index++) {
      LogEntry entry = log.entry(index);
      long previousTerm = log.term(index - 1);
      Registered first = registered(index, entry.term());
      if (first == null) {
        register(index, new Registered(id, entry, previousTerm));
      } else if ((first.entry() != entry && !first.entry().equals(entry))
          || first.previousTerm() != previousTerm) {
        context.fail(id, mismatch(id, index, entry, first));
        return;
      }
      mirror.checked = index;
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
   * How many leading entries of the log were checked and are still the ones checked. The same log
   * object changes below its old end only by truncation, which it counts; a new object (a restarted
   * server, whose log is read back from its disk) is checked again from its first entry.
   */
  private static long unchanged(Mirror mirror, RaftNode node, RaftLog log) {
    if (mirror.node != node) {
      return 0;
    }
    long limit = Math.min(mirror.checked, log.lastIndex());
    return Math.min(limit, log.lowestTruncationSince(mirror.truncationsSeen) - 1);
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
}
