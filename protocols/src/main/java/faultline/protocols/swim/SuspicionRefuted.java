package faultline.protocols.swim;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Sometimes;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import java.util.List;

/**
 * Reached when a member, suspected by another, raises its own incarnation to refute the suspicion
 * (Das, Gupta and Motivala, DSN 2002, §4.2): the path that keeps a slow but live member in the
 * group. Seen from the member's own steps: its incarnation rising on a message or timer (a restart
 * raises it too, but in its start step, which does not count).
 */
final class SuspicionRefuted implements Sometimes {
  private List<NodeId> nodes;
  private long[] incarnations; // By position in nodes: the last seen in this life.

  @Override
  public String name() {
    return SwimProperties.SUSPICION_REFUTED;
  }

  @Override
  public String description() {
    return "A suspected member refuted the suspicion by raising its incarnation.";
  }

  @Override
  public boolean reached(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null) {
      return false;
    }
    SwimNode member = context.node(step.node(), SwimNode.class).orElse(null);
    if (member == null) {
      return false;
    }
    if (nodes == null) {
      nodes = context.nodes();
      incarnations = new long[nodes.size()];
    }
    int position = nodes.indexOf(step.node());
    long before = incarnations[position];
    incarnations[position] = member.incarnation();
    return step.kind() != Step.Kind.START && member.incarnation() > before;
  }
}
