package faultline.protocols.raft;

import faultline.engine.Check;
import faultline.engine.node.NodeId;

/**
 * What a server asserts of itself at the end of every handler (assertions that stay on, as
 * TigerBeetle's replicas check theirs): its term never falls; its role agrees with the leader it
 * knows of (a leader knows itself, a candidate knows none, a follower another); a leader's
 * nextIndex for each follower stays above its matchIndex; and it applies nothing it has not
 * committed. A broken one stops the run at the handler that broke it, with the node and the step
 * named.
 *
 * <p>commitIndex &le; lastIndex holds only while the whole cluster keeps Figure 3's properties: a
 * planted mistake or an exercise's rule can make a leader overwrite a follower's committed entries,
 * which the cluster's invariants ({@link faultline.protocols.raft.check.RaftInvariants}) are there
 * to report. So it is asserted only when the server runs the paper's rules ({@link
 * ServerRules#arePaper}).
 */
final class SelfCheck {
  private long termSeen;

  void afterHandler(ServerState state) {
    if (!state.booted()) {
      return;
    }
    NodeId self = state.context().self();
    long term = state.currentTerm();
    Check.state(term >= termSeen, "%s: term fell from %s to %s", self, termSeen, term);
    termSeen = term;
    Role role = state.role();
    NodeId leaderId = state.leaderId();
    boolean leaderAgrees =
        switch (role) {
          case LEADER -> self.equals(leaderId);
          case CANDIDATE, PRE_CANDIDATE -> leaderId == null;
          case FOLLOWER -> !self.equals(leaderId);
        };
    if (!leaderAgrees) {
      // Built only on failure: this runs after every handler.
      Check.state(false, "%s is a %s that knows %s as leader", self, role, leaderId);
    }
    if (role == Role.LEADER) {
      NodeId behind = state.leader().followerWithNextIndexNotAboveMatch();
      if (behind != null) {
        FollowerProgress progress = state.leader().progress(behind);
        Check.state(
            false,
            "%s: follower %s has matchIndex %s, not below nextIndex %s",
            self,
            behind,
            progress.matchIndex(),
            progress.nextIndex());
      }
    }
    long commitIndex = state.commitIndex();
    Check.state(
        state.lastApplied() <= commitIndex,
        "%s: applied %s, past commitIndex %s",
        self,
        state.lastApplied(),
        commitIndex);
    if (state.rules().arePaper()) {
      Check.state(
          commitIndex <= state.log().lastIndex(),
          "%s: commitIndex %s past the last entry %s",
          self,
          commitIndex,
          state.log().lastIndex());
    }
  }
}
