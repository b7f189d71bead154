package faultline.protocols.swim;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.ViewChange;
import java.util.List;

/**
 * An invariant judged on what a SWIM member's step changed: a member's beliefs change only in its
 * own steps, so checking each step's changes is checking every belief always, at the cost of the
 * changes alone.
 */
abstract class ChangeInvariant implements Invariant {
  @Override
  public final void afterEvent(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null) {
      return;
    }
    SwimNode node = context.node(step.node(), SwimNode.class).orElse(null);
    if (node == null) {
      return;
    }
    afterStep(context, step.node(), node);
    List<ViewChange> changes = node.lastChanges();
    for (int i = 0; i < changes.size(); i++) {
      ViewChange change = changes.get(i);
      if (!change.member().equals(step.node())) {
        check(context, step.node(), change);
      }
    }
  }

  /** Called after every step of a live member, before its changes. */
  void afterStep(InvariantContext context, NodeId id, SwimNode node) {}

  /** Called for each change {@code viewer} made to its belief about another member. */
  abstract void check(InvariantContext context, NodeId viewer, ViewChange change);

  static String entry(ViewChange change, boolean after) {
    return after
        ? change.after().label() + "@" + change.incarnation()
        : change.before().label() + "@" + change.incarnationBefore();
  }
}
