package faultline.protocols.membership;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Observer;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.Departures.Departure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Never fails: measures how fast departures are noticed, in true time, for the run's metrics (SWIM
 * §3.1 and §4.1). For each member that crashes: the time to first detection (the first live member
 * to stop holding it alive: a suspicion, or a verdict where there is no suspicion), the time to the
 * first verdict (declared faulty), and the time to full dissemination (every member that stayed up
 * and in the group holds it faulty or gone). Graceful leaves are measured apart. Reported as
 * percentiles at the end ({@code membership.firstDetectionP50Nanos}, {@code ...MaxNanos}, and so
 * on), with the count of crashes never detected, or never fully disseminated, before the run ended.
 * At the end it counts the beliefs still wrong ({@code membership.wrongAtEnd}). Also integrates the
 * group's size over time ({@code membership.memberMillis}), so that a reader divides the nodes'
 * {@code membership.messagesSent} and {@code bytesSent} into load per member.
 */
final class DetectionMetrics implements Observer {
  private static final class Tracked {
    final Departure departure;
    long firstDetectedNanos = -1;
    long firstDeclaredNanos = -1;
    long fullNanos = -1;

    Tracked(Departure departure) {
      this.departure = departure;
    }
  }

  private final Departures truth;
  private final List<Tracked> tracked = new ArrayList<>();
  private final List<Departure> departures = new ArrayList<>(); // Those of tracked, in order.
  private long lastNanos;
  private long memberNanos;

  DetectionMetrics(MemberIndex index) {
    this.truth = new Departures(index);
  }

  @Override
  public String name() {
    return MembershipChecks.METRICS;
  }

  @Override
  public String description() {
    return "Never fails: measures time to first detection, to the first verdict and to full"
        + " dissemination of each crash, and the group's size over time for load per member.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    memberNanos += (long) truth.liveMembers() * (context.nowNanos() - lastNanos);
    lastNanos = context.nowNanos();
    for (Departure departure : truth.update(context, departures)) {
      tracked.add(new Tracked(departure));
      departures.add(departure);
    }
    Step step = context.lastStep().orElse(null);
    if (step == null) {
      return;
    }
    MembershipNode viewer = context.node(step.node(), MembershipNode.class).orElse(null);
    if (viewer == null || viewer.lastChanges().isEmpty()) {
      return;
    }
    if (tracked.isEmpty()) {
      return;
    }
    for (ViewChange change : viewer.lastChanges()) {
      for (Tracked t : tracked) {
        if (t.departure.member.equals(change.member()) && change.after() != MemberStatus.ALIVE) {
          observe(context, t, change);
        }
      }
    }
  }

  private void observe(InvariantContext context, Tracked t, ViewChange change) {
    long sinceNanos = context.nowNanos() - t.departure.atNanos;
    if (t.firstDetectedNanos < 0) {
      t.firstDetectedNanos = sinceNanos;
    }
    if (change.after().isGone() && t.firstDeclaredNanos < 0) {
      t.firstDeclaredNanos = sinceNanos;
    }
    if (change.after().isGone() && t.fullNanos < 0 && everyoneKnows(context, t.departure)) {
      t.fullNanos = sinceNanos;
    }
  }

  private boolean everyoneKnows(InvariantContext context, Departure departure) {
    MemberIndex index = truth.index();
    for (int viewer = 0; viewer < index.size(); viewer++) {
      if (viewer == departure.position || !truth.answersFor(context, viewer, departure.atNanos)) {
        continue;
      }
      MembershipNode node = context.node(index.id(viewer), MembershipNode.class).orElse(null);
      if (node != null && !node.statusOf(departure.member).isGone()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void atEnd(InvariantContext context) {
    memberNanos += (long) truth.liveMembers() * (context.nowNanos() - lastNanos);
    context.count("membership.memberMillis", memberNanos / 1_000_000);
    report(context, "membership.firstDetection", true, t -> t.firstDetectedNanos);
    report(context, "membership.firstVerdict", true, t -> t.firstDeclaredNanos);
    report(context, "membership.fullDissemination", true, t -> t.fullNanos);
    report(context, "membership.leaveDissemination", false, t -> t.fullNanos);
    context.count("membership.wrongAtEnd", wrongBeliefs(context));
  }

  /**
   * How many beliefs are wrong when the run ends, among members that are up, in the group and not
   * paused: a live member held faulty, gone or unknown, or a departed one held alive or suspect. A
   * scenario that ends with a quiet stretch expects none (the group has converged).
   */
  private long wrongBeliefs(InvariantContext context) {
    MemberIndex index = truth.index();
    long wrong = 0;
    for (int viewer = 0; viewer < index.size(); viewer++) {
      NodeId viewerId = index.id(viewer);
      if (!truth.isLiveMember(viewer) || context.isPaused(viewerId)) {
        continue;
      }
      MembershipNode node = context.node(viewerId, MembershipNode.class).orElse(null);
      if (node == null) {
        continue;
      }
      for (int member = 0; member < index.size(); member++) {
        if (member == viewer) {
          continue;
        }
        MemberStatus held = node.statusOf(index.id(member));
        boolean live = truth.isLiveMember(member);
        if (live ? !held.isMember() : held.isMember()) {
          wrong++;
        }
      }
    }
    return wrong;
  }

  private void report(
      InvariantContext context,
      String name,
      boolean crashes,
      java.util.function.ToLongFunction<Tracked> measure) {
    List<Long> values = new ArrayList<>();
    long missing = 0;
    for (Tracked t : tracked) {
      if (t.departure.crashed != crashes || t.departure.returned) {
        continue;
      }
      long value = measure.applyAsLong(t);
      if (value < 0) {
        missing++;
      } else {
        values.add(value);
      }
    }
    if (values.isEmpty() && missing == 0) {
      return;
    }
    Collections.sort(values);
    if (!values.isEmpty()) {
      context.recordMax(name + "P50Nanos", values.get((values.size() - 1) / 2));
      context.recordMax(name + "MaxNanos", values.getLast());
      context.count(name + "Count", values.size());
    }
    context.count(name + "Missing", missing);
  }

  /** The departed members tracked so far, for tests. */
  List<NodeId> departed() {
    return tracked.stream().map(t -> t.departure.member).toList();
  }
}
