package faultline.protocols.swim;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import java.util.List;

/**
 * A member that hears itself suspected refutes (SWIM §4.2: a member that "receives information
 * about itself being suspected in the current incarnation ... generates an Alive message with its
 * identifier and an incremented incarnation number"): after a member's step on a message that
 * carries a suspicion of it at incarnation {@code i}, its own incarnation is above {@code i}.
 * Judged on the message the engine delivered, not on what the member says it heard, and only for a
 * member of the group (one that is joining, or has left, does not merge gossip).
 *
 * <p>Without it, a member that stops refuting only shows as false positives, which SWIM's accuracy
 * allows (it is probabilistic), so no run would fail.
 */
final class Refutation implements Invariant {
  @Override
  public String name() {
    return SwimInvariants.REFUTATION;
  }

  @Override
  public String description() {
    return "A member that hears itself suspected at its incarnation or a later one raises its"
        + " incarnation above the suspicion's.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null
        || step.kind() != Step.Kind.MESSAGE
        || !(step.message() instanceof SwimMessage message)) {
      return;
    }
    SwimNode node = context.node(step.node(), SwimNode.class).orElse(null);
    if (node == null || !node.isMember()) {
      return;
    }
    check(context, step, node, message.gossip());
    if (message instanceof SwimMessage.JoinReply reply) {
      check(context, step, node, reply.members());
    }
  }

  private static void check(
      InvariantContext context, Step step, SwimNode node, List<Update> updates) {
    NodeId self = step.node();
    for (int i = 0; i < updates.size(); i++) {
      Update update = updates.get(i);
      if (update.kind() == Update.Kind.SUSPECT
          && update.member().equals(self)
          && node.incarnation() <= update.incarnation()) {
        context.fail(
            self,
            self
                + " heard from "
                + step.from()
                + " that "
                + update.from()
                + " suspects it at incarnation "
                + update.incarnation()
                + ", and stayed at "
                + node.incarnation()
                + ": it did not refute");
        return;
      }
    }
  }
}
