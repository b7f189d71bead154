package faultline.protocols.membership;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.Departures.Departure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Completeness, the failure detector's liveness property made a bounded, checkable one (SWIM §2,
 * after Chandra and Toueg: "every crashed member is eventually detected by every non-faulty
 * member"): within {@code completenessNanos} of a member's crash (or graceful leave), every member
 * that was up, in the group and not paused throughout holds it faulty or gone. A member that comes
 * back before the deadline is no longer owed. Judged at the first event at or after each deadline.
 */
final class Completeness implements Invariant {
  private final MembershipBounds bounds;
  private final Departures truth;
  private final List<Departure> open = new ArrayList<>();

  Completeness(MemberIndex index, MembershipBounds bounds) {
    this.bounds = bounds;
    this.truth = new Departures(index);
  }

  @Override
  public String name() {
    return MembershipChecks.COMPLETENESS;
  }

  @Override
  public String description() {
    return "Within the stated bound of a member's crash or leave, every member that stayed up and"
        + " in the group holds it faulty or gone.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    open.addAll(truth.update(context, open));
    if (open.isEmpty()) {
      return;
    }
    long now = context.nowNanos();
    for (Iterator<Departure> it = open.iterator(); it.hasNext(); ) {
      Departure departure = it.next();
      if (departure.returned) {
        it.remove();
      } else if (now >= departure.atNanos + bounds.completenessNanos()) {
        it.remove();
        judge(context, departure);
      }
    }
  }

  private void judge(InvariantContext context, Departure departure) {
    MemberIndex index = truth.index();
    List<NodeId> unaware = new ArrayList<>();
    for (int viewer = 0; viewer < index.size(); viewer++) {
      if (viewer == departure.position || !truth.answersFor(context, viewer, departure.atNanos)) {
        continue;
      }
      MembershipNode node = context.node(index.id(viewer), MembershipNode.class).orElse(null);
      if (node != null && node.statusOf(departure.member).isMember()) {
        unaware.add(index.id(viewer));
      }
    }
    if (unaware.isEmpty()) {
      return;
    }
    context.count("membership.completenessMisses", 1);
    context.fail(
        unaware.getFirst(),
        unaware.size()
            + " member(s) still hold "
            + departure.member
            + " alive or suspect "
            + (bounds.completenessNanos() / 1_000_000)
            + " ms after it "
            + (departure.crashed ? "crashed" : "left")
            + ": "
            + abbreviated(unaware));
  }

  static String abbreviated(List<NodeId> nodes) {
    if (nodes.size() <= 8) {
      return nodes.toString();
    }
    return nodes.subList(0, 8) + " and " + (nodes.size() - 8) + " more";
  }
}
