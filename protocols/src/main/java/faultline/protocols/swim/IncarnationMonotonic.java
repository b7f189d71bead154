package faultline.protocols.swim;

import faultline.engine.check.InvariantContext;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.membership.ViewChange;

/**
 * Incarnation numbers only grow (SWIM §4.2): a member's own, across its whole run including
 * restarts, and every member's belief about another's, as long as it holds one.
 */
final class IncarnationMonotonic extends ChangeInvariant {
  private final LookupMap<NodeId, Long> ownHighest = new LookupMap<>();

  @Override
  public String name() {
    return SwimInvariants.INCARNATION_MONOTONIC;
  }

  @Override
  public String description() {
    return "A member's incarnation never goes down, across restarts too, and neither does any"
        + " member's belief about another's.";
  }

  @Override
  void afterStep(InvariantContext context, NodeId id, SwimNode node) {
    long own = node.incarnation();
    Long highest = ownHighest.get(id);
    if (highest != null && own < highest) {
      context.fail(
          id,
          id
              + "'s incarnation went down from "
              + highest
              + " to "
              + own
              + ": the others may hold it at "
              + highest
              + ", so its alive will be ignored");
    }
    if (highest == null || own > highest) {
      ownHighest.put(id, own);
    }
  }

  @Override
  void check(InvariantContext context, NodeId viewer, ViewChange change) {
    if (change.before() != MemberStatus.UNKNOWN
        && change.incarnation() < change.incarnationBefore()) {
      context.fail(
          viewer,
          viewer
              + " lowered its entry for "
              + change.member()
              + " from "
              + entry(change, false)
              + " to "
              + entry(change, true));
    }
  }

  /** The highest incarnation {@code member} has held itself, for the origin check. */
  long ownHighest(NodeId member) {
    return ownHighest.getOrDefault(member, 0L);
  }
}
