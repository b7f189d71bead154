package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.LogEntry;
import faultline.protocols.raft.RaftLog;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 3, Leader Append-Only: while a server leads a term, every entry its log held stays where
 * it was. Keeps a copy of each leader's log and compares it whenever the log changes.
 */
final class LeaderAppendOnly extends ServerStepInvariant {
  private final LookupMap<NodeId, Tenure> tenures = new LookupMap<>(); // Only looked up.

  private static final class Tenure {
    RaftNode node;
    long term;
    long mutations;
    int truncationsSeen;
    final List<LogEntry> entries = new ArrayList<>();
  }

  @Override
  public String name() {
    return RaftInvariants.LEADER_APPEND_ONLY;
  }

  @Override
  public String description() {
    return "A leader never overwrites or deletes entries of its log while it leads; it only"
        + " appends.";
  }

  @Override
  void afterServerStep(InvariantContext context, NodeId id, RaftNode node) {
    if (node.role() != Role.LEADER) {
      tenures.remove(id);
      return;
    }
    RaftLog log = node.log();
    Tenure tenure = tenures.get(id);
    if (tenure == null || tenure.node != node || tenure.term != node.currentTerm()) {
      tenure = new Tenure();
      tenure.node = node;
      tenure.term = node.currentTerm();
      tenure.mutations = -1;
      tenure.truncationsSeen = log.truncations();
      tenures.put(id, tenure);
    }
    if (tenure.mutations == log.mutations()) {
      return;
    }
    tenure.mutations = log.mutations();
    // Below the lowest truncation since the last look the log holds the very entries copied
    // then, which were equal to the tenure's: only from there on can one differ.
    long truncated = log.lowestTruncationSince(tenure.truncationsSeen);
    tenure.truncationsSeen = log.truncations();
    int from = (int) Math.min(tenure.entries.size(), truncated - 1);
    for (int i = from; i < tenure.entries.size(); i++) {
      long index = i + 1;
      if (index > log.lastIndex() || !log.entry(index).equals(tenure.entries.get(i))) {
        context.fail(
            id,
            "leader "
                + id
                + " of term "
                + tenure.term
                + " changed its own entry at index "
                + index
                + " ("
                + tenure.entries.get(i).describe()
                + ", term "
                + tenure.entries.get(i).term()
                + ")");
        tenures.remove(id);
        return;
      }
    }
    for (long index = tenure.entries.size() + 1; index <= log.lastIndex(); index++) {
      tenure.entries.add(log.entry(index));
    }
  }
}
