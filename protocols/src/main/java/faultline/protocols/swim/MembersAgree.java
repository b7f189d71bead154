package faultline.protocols.swim;

import faultline.engine.check.Eventually;
import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.MembershipNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SWIM's liveness once the faults stop (DSN 2002, §3 and §4: a live member's refutation spreads, a
 * failed member's confirmation spreads, and the views converge): every live member counts every
 * other live member as a member, and the live members agree on whether each other node is still
 * one. A crashed node that no one has declared faulty yet is agreement too; a live member held
 * faulty by another, or a split view of a crashed one, is not.
 */
final class MembersAgree implements Eventually {
  @Override
  public String name() {
    return SwimProperties.MEMBERS_AGREE;
  }

  @Override
  public String description() {
    return "Every live member counts every other live member as a member, and the live members"
        + " agree on which other nodes still are.";
  }

  @Override
  public Optional<String> judge(InvariantContext context) {
    List<NodeId> live = new ArrayList<>();
    List<MembershipNode> views = new ArrayList<>();
    for (NodeId id : context.nodes()) {
      Optional<SwimNode> member = context.node(id, SwimNode.class);
      if (member.isPresent() && member.get().isMember() && !context.isPaused(id)) {
        live.add(id);
        views.add(member.get());
      }
    }
    for (NodeId subject : context.nodes()) {
      for (int i = 0; i < live.size(); i++) {
        NodeId holder = live.get(i);
        if (holder.equals(subject)) {
          continue;
        }
        boolean counts = views.get(i).statusOf(subject).isMember();
        if (live.contains(subject) && !counts) {
          return Optional.of(
              holder
                  + " holds "
                  + subject
                  + " "
                  + views.get(i).statusOf(subject).label()
                  + ", though "
                  + subject
                  + " is live and a member");
        }
        int first = live.getFirst().equals(subject) ? 1 : 0;
        if (!live.contains(subject)
            && first < live.size()
            && counts != views.get(first).statusOf(subject).isMember()) {
          return Optional.of(
              live.get(first)
                  + " holds "
                  + subject
                  + " "
                  + views.get(first).statusOf(subject).label()
                  + " but "
                  + holder
                  + " holds it "
                  + views.get(i).statusOf(subject).label());
        }
      }
    }
    return Optional.empty();
  }
}
