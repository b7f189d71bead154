package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupMap;
import faultline.engine.lookup.LookupSet;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.Role;

/** Figure 3, Election Safety: at most one leader can be elected in a given term. */
final class ElectionSafety extends ServerStepInvariant {
  private final LookupMap<Long, NodeId> leaderOfTerm = new LookupMap<>(); // Only looked up.
  private final LookupSet<Long> reported = new LookupSet<>(); // Each term's second leader, once.
  private long lastLeaderTerm = -1; // The last term registered, and its leader, for a quick
  private NodeId lastLeader; // answer to a leader's every later step in its term.

  @Override
  public String name() {
    return RaftInvariants.ELECTION_SAFETY;
  }

  @Override
  public String description() {
    return "At most one leader is elected in any term.";
  }

  @Override
  void afterServerStep(InvariantContext context, NodeId id, RaftNode node) {
    if (node.role() != Role.LEADER) {
      return;
    }
    long term = node.currentTerm();
    if (term == lastLeaderTerm && id.equals(lastLeader)) {
      return; // A leader's later steps in its term: registered already, as the first.
    }
    NodeId first = leaderOfTerm.putIfAbsent(term, id);
    if (first == null) {
      lastLeaderTerm = term;
      lastLeader = id;
    }
    if (first != null && !first.equals(id) && reported.add(term)) {
      context.fail(
          id,
          id
              + " became leader of term "
              + term
              + ", which "
              + first
              + " already leads: two leaders in one term");
    }
  }
}
