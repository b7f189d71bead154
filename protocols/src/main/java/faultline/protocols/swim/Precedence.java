package faultline.protocols.swim;

import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.membership.ViewChange;

/**
 * The precedence of alive and suspect messages (SWIM §4.2), judged on every change a member makes
 * to its belief about another that is still in the group: an alive overrides a suspicion, or an
 * older alive, only at a higher incarnation; a suspicion overrides an alive at the same incarnation
 * or above, and another suspicion only at a higher one.
 */
final class Precedence extends ChangeInvariant {
  @Override
  public String name() {
    return SwimInvariants.PRECEDENCE;
  }

  @Override
  public String description() {
    return "Alive overrides suspect only at a higher incarnation; suspect overrides alive at the"
        + " same incarnation or above (SWIM §4.2).";
  }

  @Override
  void check(InvariantContext context, NodeId viewer, ViewChange change) {
    if (!change.before().isMember() || !change.after().isMember()) {
      return; // Verdicts, leaves and returns are judged elsewhere.
    }
    long i = change.incarnation();
    long j = change.incarnationBefore();
    boolean toSuspectFromAlive =
        change.before() == MemberStatus.ALIVE && change.after() == MemberStatus.SUSPECT;
    boolean allowed = toSuspectFromAlive ? i >= j : i > j;
    if (!allowed) {
      context.fail(
          viewer,
          viewer
              + " changed its entry for "
              + change.member()
              + " from "
              + entry(change, false)
              + " to "
              + entry(change, true)
              + " on word from "
              + change.source()
              + ": "
              + (change.after() == MemberStatus.ALIVE
                  ? "an alive overrides "
                      + change.before().label()
                      + " only at a higher incarnation"
                  : "a suspicion overrides another only at a higher incarnation"));
    }
  }
}
