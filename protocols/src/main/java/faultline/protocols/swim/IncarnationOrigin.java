package faultline.protocols.swim;

import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.ViewChange;

/**
 * Only a member raises its own incarnation (SWIM §4.2: "the incarnation number is ... incremented
 * only by the member itself"): nobody ever holds an incarnation of a member above the highest that
 * member has had. Judged against the members' own numbers, which the engine can see and no member
 * can.
 */
final class IncarnationOrigin extends ChangeInvariant {
  private final LookupMap<NodeId, Long> ownHighest = new LookupMap<>();

  @Override
  public String name() {
    return SwimInvariants.INCARNATION_ORIGIN;
  }

  @Override
  public String description() {
    return "Nobody holds an incarnation of a member that the member never had: only a member"
        + " raises its own.";
  }

  @Override
  void afterStep(InvariantContext context, NodeId id, SwimNode node) {
    ownHighest.merge(id, node.incarnation(), Math::max);
  }

  @Override
  void check(InvariantContext context, NodeId viewer, ViewChange change) {
    long highest = ownHighest.getOrDefault(change.member(), 0L);
    if (change.incarnation() > highest) {
      context.fail(
          viewer,
          viewer
              + " holds "
              + change.member()
              + " at incarnation "
              + change.incarnation()
              + " (heard from "
              + change.source()
              + "), but "
              + change.member()
              + " has never been above "
              + highest
              + ": someone else raised its incarnation");
    }
  }
}
