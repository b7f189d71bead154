package faultline.protocols.swim;

import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.ViewChange;

/**
 * No member is resurrected without a higher incarnation: a member held faulty or departed at
 * incarnation j comes back only by announcing itself at an incarnation above j (a refutation of a
 * false verdict, or a rejoin), never on a stale alive or suspicion.
 */
final class NoResurrection extends ChangeInvariant {
  @Override
  public String name() {
    return SwimInvariants.NO_RESURRECTION;
  }

  @Override
  public String description() {
    return "A member held faulty or gone at incarnation j is held alive or suspect again only at an"
        + " incarnation above j.";
  }

  @Override
  void check(InvariantContext context, NodeId viewer, ViewChange change) {
    if (change.before().isGone()
        && change.after().isMember()
        && change.incarnation() <= change.incarnationBefore()) {
      context.fail(
          viewer,
          viewer
              + " brought "
              + change.member()
              + " back from "
              + entry(change, false)
              + " to "
              + entry(change, true)
              + " on word from "
              + change.source()
              + ": a return needs an incarnation above "
              + change.incarnationBefore());
    }
  }
}
