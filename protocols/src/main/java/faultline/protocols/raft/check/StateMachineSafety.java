package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.LogEntry;
import faultline.protocols.raft.RaftLog;
import faultline.protocols.raft.RaftNode;

/**
 * Figure 3, State Machine Safety: once a server has applied an entry at an index, no server ever
 * applies a different entry at that index. A restarted server applies its log again from the start,
 * and must apply the same entries.
 */
final class StateMachineSafety extends ServerStepInvariant {
  private final ByIndex<Applied> applied = new ByIndex<>();
  private final LookupMap<NodeId, Seen> seen = new LookupMap<>(); // Only looked up.

  private record Applied(NodeId server, LogEntry entry) {}

  /** How far this checker has followed one server's applied entries. */
  private static final class Seen {
    RaftNode node;
    long lastApplied;
  }

  @Override
  public String name() {
    return RaftInvariants.STATE_MACHINE_SAFETY;
  }

  @Override
  public String description() {
    return "No two servers apply different entries at the same log index.";
  }

  @Override
  void afterServerStep(InvariantContext context, NodeId id, RaftNode node) {
    Seen last = seen.get(id);
    if (last == null) {
      last = new Seen();
      seen.put(id, last);
    } else if (last.node == node && last.lastApplied == node.lastApplied()) {
      return; // Nothing newly applied (most steps).
    }
    long from = last.node == node ? last.lastApplied + 1 : 1;
    RaftLog log = node.log();
    long to = Math.min(node.lastApplied(), log.lastIndex());
    last.node = node;
    last.lastApplied = node.lastApplied();
    for (long index = from; index <= to; index++) {
      LogEntry entry = log.entry(index);
      Applied first = applied.get(index);
      if (first == null) {
        applied.put(index, new Applied(id, entry));
      } else if (first.entry() != entry && !first.entry().equals(entry)) {
        context.fail(
            id,
            id
                + " applied "
                + entry.describe()
                + " (term "
                + entry.term()
                + ") at index "
                + index
                + ", where "
                + first.server()
                + " applied "
                + first.entry().describe()
                + " (term "
                + first.entry().term()
                + "): a committed entry was lost");
        return;
      }
    }
  }
}
