package faultline.protocols.membership;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Ground truth about who is in the group, kept by a check as the run goes: when each node last
 * booted and joined, and each departure (a member that crashes, or leaves on purpose) with when. A
 * node's membership changes only in its own steps and its liveness only in faults and boots, so the
 * check looks at the stepped node after a step and at every node only after an event without a step
 * (a fault).
 */
final class Departures {
  /** A member that went away at {@code atNanos}, by a crash or a graceful leave. */
  static final class Departure {
    final NodeId member;
    final int position;
    final long atNanos;
    final boolean crashed;
    boolean returned; // Restarted (or rejoined) since.

    Departure(NodeId member, int position, long atNanos, boolean crashed) {
      this.member = member;
      this.position = position;
      this.atNanos = atNanos;
      this.crashed = crashed;
    }
  }

  private final MemberIndex index;
  private final boolean[] up;
  private final boolean[] member;
  private final long[] upSinceNanos;
  private final long[] memberSinceNanos;
  private final List<Departure> fresh = new ArrayList<>();
  private int liveMembers;

  Departures(MemberIndex index) {
    this.index = index;
    this.up = new boolean[index.size()];
    this.member = new boolean[index.size()];
    this.upSinceNanos = new long[index.size()];
    this.memberSinceNanos = new long[index.size()];
  }

  /**
   * Brings the ground truth up to date after an event; returns the departures it found (a list
   * reused on the next call), and marks returns on {@code open}.
   */
  List<Departure> update(InvariantContext context, List<Departure> open) {
    fresh.clear();
    Step step = context.lastStep().orElse(null);
    if (step == null) {
      for (int position = 0; position < index.size(); position++) {
        if (up[position] && !context.isUp(index.id(position))) {
          up[position] = false;
          if (member[position]) {
            member[position] = false;
            liveMembers--;
            fresh.add(new Departure(index.id(position), position, context.nowNanos(), true));
          }
        }
      }
      return fresh;
    }
    int position = index.positionOf(step.node());
    if (position < 0) {
      return fresh;
    }
    if (!up[position]) {
      up[position] = true;
      upSinceNanos[position] = context.nowNanos();
    }
    boolean isMember =
        context.node(step.node(), MembershipNode.class).map(MembershipNode::isMember).orElse(false);
    if (isMember && !member[position]) {
      member[position] = true;
      liveMembers++;
      memberSinceNanos[position] = context.nowNanos();
      for (Departure departure : open) {
        if (departure.position == position) {
          departure.returned = true;
        }
      }
    } else if (!isMember && member[position]) {
      member[position] = false;
      liveMembers--;
      fresh.add(new Departure(step.node(), position, context.nowNanos(), false));
    }
    return fresh;
  }

  /**
   * True when {@code viewer} can be held to know of a departure at {@code sinceNanos}: it is up,
   * not paused, a member, and has been both without a break since then.
   */
  boolean answersFor(InvariantContext context, int viewer, long sinceNanos) {
    return up[viewer]
        && member[viewer]
        && upSinceNanos[viewer] <= sinceNanos
        && memberSinceNanos[viewer] <= sinceNanos
        && !context.isPaused(index.id(viewer));
  }

  /** True while {@code position} is up and in the group (a live member, paused or not). */
  boolean isLiveMember(int position) {
    return up[position] && member[position];
  }

  /** How many members are up and in the group now. */
  int liveMembers() {
    return liveMembers;
  }

  long upSinceNanos(int position) {
    return upSinceNanos[position];
  }

  MemberIndex index() {
    return index;
  }
}
