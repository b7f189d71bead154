package faultline.protocols.membership;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Observer;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupSet;
import faultline.engine.net.DropReason;
import faultline.engine.node.NodeId;
import java.util.List;

/**
 * Accuracy, judged against the truth (SWIM §2): every time a member that is up and in the group is
 * declared faulty, it is a false positive. Never fails, because no failure detector over an
 * asynchronous network can avoid them (Chandra and Toueg); it counts them instead, once per member
 * and incarnation declared ({@code membership.falsePositives}) and once per member that came to
 * believe it ({@code membership.falsePositiveViews}), and says in the trace who, when and why. The
 * cause is the first that fits, looked for within the bounds' window before the verdict, at the
 * accused member or at the member whose verdict it was: a pause of the accused, a restart of it, a
 * one-way link cut ({@code blocked}), a partition, a lost message, or else slowness (messages that
 * came, late). Suspicions of live members are counted too ({@code membership.falseSuspicions}).
 */
final class Accuracy implements Observer {
  /** The causes a false positive is attributed to, in the order they are looked for. */
  enum Cause {
    PAUSE("pause"),
    RESTART("restart"),
    ONE_WAY_LINK("one-way-link"),
    PARTITION("partition"),
    LOSS("loss"),
    SLOW("slow");

    final String label;

    Cause(String label) {
      this.label = label;
    }
  }

  private final MembershipBounds bounds;
  private final Departures truth;
  private final LookupSet<String> declared = new LookupSet<>(); // "member@incarnation".
  private final LookupSet<String> suspected = new LookupSet<>();

  Accuracy(MemberIndex index, MembershipBounds bounds) {
    this.bounds = bounds;
    this.truth = new Departures(index);
  }

  @Override
  public String name() {
    return MembershipChecks.ACCURACY;
  }

  @Override
  public String description() {
    return "Never fails: counts every live member declared faulty (a false positive) and names its"
        + " cause: a pause, a restart, a one-way link, a partition, message loss, or slowness.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    truth.update(context, List.of());
    Step step = context.lastStep().orElse(null);
    if (step == null) {
      return;
    }
    MembershipNode viewer = context.node(step.node(), MembershipNode.class).orElse(null);
    if (viewer == null) {
      return;
    }
    List<ViewChange> changes = viewer.lastChanges();
    for (int i = 0; i < changes.size(); i++) {
      judge(context, step.node(), changes.get(i));
    }
  }

  private void judge(InvariantContext context, NodeId viewer, ViewChange change) {
    int accused = truth.index().positionOf(change.member());
    if (accused < 0 || change.member().equals(viewer) || !truth.isLiveMember(accused)) {
      return;
    }
    String episode = change.member() + "@" + change.incarnation();
    if (change.after() == MemberStatus.SUSPECT && suspected.add(episode)) {
      context.count("membership.falseSuspicions", 1);
    }
    if (change.after() != MemberStatus.FAULTY) {
      return;
    }
    context.count("membership.falsePositiveViews", 1);
    if (!declared.add(episode)) {
      return;
    }
    Cause cause = causeOf(context, accused, change.source());
    context.count("membership.falsePositives", 1);
    context.count("membership.falsePositives." + cause.label, 1);
    context.note(
        viewer,
        "false positive: "
            + viewer
            + " holds "
            + change.member()
            + " faulty (incarnation "
            + change.incarnation()
            + ", verdict of "
            + change.source()
            + ") while it is up; cause: "
            + cause.label);
  }

  private Cause causeOf(InvariantContext context, int accused, NodeId judge) {
    long since = context.nowNanos() - bounds.explainWindowNanos();
    NodeId member = truth.index().id(accused);
    if (context.lastPausedNanos(member) >= since) {
      return Cause.PAUSE;
    }
    if (truth.upSinceNanos(accused) >= since && truth.upSinceNanos(accused) > 0) {
      return Cause.RESTART;
    }
    if (dropped(context, member, judge, DropReason.BLOCKED, since)) {
      return Cause.ONE_WAY_LINK;
    }
    if (dropped(context, member, judge, DropReason.PARTITION, since)) {
      return Cause.PARTITION;
    }
    if (dropped(context, member, judge, DropReason.LOSS, since)) {
      return Cause.LOSS;
    }
    return Cause.SLOW;
  }

  private static boolean dropped(
      InvariantContext context, NodeId member, NodeId judge, DropReason reason, long since) {
    return context.lastDropNanos(member, reason) >= since
        || (judge != null && context.lastDropNanos(judge, reason) >= since);
  }
}
