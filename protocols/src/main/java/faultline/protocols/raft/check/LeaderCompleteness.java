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
import java.util.Objects;

/**
 * Figure 3, Leader Completeness: an entry committed in some term is in the log of every leader of a
 * later term. The committed prefix is learned from the servers' commit indices as they advance;
 * each server, on becoming leader, must hold all of it.
 */
final class LeaderCompleteness extends ServerStepInvariant {
  private final List<LogEntry> committed = new ArrayList<>();
  private final LookupMap<NodeId, Long> leadingTerm = new LookupMap<>(); // Only looked up.

  @Override
  public String name() {
    return RaftInvariants.LEADER_COMPLETENESS;
  }

  @Override
  public String description() {
    return "Every committed entry is in the log of every leader of a later term.";
  }

  @Override
  void afterServerStep(InvariantContext context, NodeId id, RaftNode node) {
    RaftLog log = node.log();
    if (node.role() == Role.LEADER && !Objects.equals(leadingTerm.get(id), node.currentTerm())) {
      leadingTerm.put(id, node.currentTerm());
      for (int i = 0; i < committed.size(); i++) {
        LogEntry entry = committed.get(i);
        long index = i + 1;
        if (entry.term() < node.currentTerm()
            && (index > log.lastIndex() || !log.entry(index).equals(entry))) {
          context.fail(
              id,
              id
                  + " became leader of term "
                  + node.currentTerm()
                  + " without the entry committed"
                  + " at index "
                  + index
                  + " ("
                  + entry.describe()
                  + ", term "
                  + entry.term()
                  + ")");
          return;
        }
      }
    } else if (node.role() != Role.LEADER) {
      leadingTerm.remove(id);
    }
    long known = Math.min(node.commitIndex(), log.lastIndex());
    for (long index = committed.size() + 1; index <= known; index++) {
      committed.add(log.entry(index));
    }
  }
}
