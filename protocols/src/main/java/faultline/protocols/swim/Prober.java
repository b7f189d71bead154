package faultline.protocols.swim;

import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.swim.SwimMessage.Ping;
import faultline.protocols.swim.SwimMessage.PingReq;
import faultline.protocols.swim.SwimTimer.Single;
import java.util.List;

/**
 * A member's own probes, one per protocol period (SWIM §3.1): at the start of a period, ping the
 * chosen target; if no ack comes within the ping timeout, ask k random members to ping it
 * (ping-req) and relay its ack; at the end of the period, a target that answered neither way failed
 * the probe. An ack that arrives late but within the period still counts, as in memberlist. With
 * Local Health Awareness the period is scaled by the member's health score, and missing nacks from
 * helpers raise the score (Lifeguard §IV-A).
 */
final class Prober {
  private final SwimNode node;
  private int target = ProbeTargets.NONE;
  private long seq;
  private boolean acked;
  private int nacksExpected;
  private int nacksReceived;
  private FinishedProbe lastFinished;

  Prober(SwimNode node) {
    this.node = node;
  }

  /** The end of one protocol period and the start of the next. */
  void onPeriod() {
    finish();
    start();
    node.context().setTimer(Single.PROBE_PERIOD, node.scaledPeriodNanos());
  }

  private void finish() {
    if (target == ProbeTargets.NONE) {
      return;
    }
    int failed = target;
    target = ProbeTargets.NONE;
    long number = lastFinished == null ? 1 : lastFinished.number() + 1;
    lastFinished = new FinishedProbe(number, node.id(failed), acked);
    if (acked) {
      node.adjustAwareness(-1);
      return;
    }
    node.context().count("swim.probesFailed", 1);
    // Lifeguard: helpers that are healthy answer a ping-req with a nack when the target is silent;
    // nacks that never come suggest that this member, not the target, is the slow one.
    node.adjustAwareness(nacksExpected > 0 ? nacksExpected - nacksReceived : 1);
    node.probeFailed(failed);
  }

  private void start() {
    target = node.targets().next(node.table(), node.context().random());
    if (target == ProbeTargets.NONE) {
      return;
    }
    seq = node.nextSeq();
    acked = false;
    nacksExpected = 0;
    nacksReceived = 0;
    Update buddy = null;
    if (node.config().lifeguard().buddySystem()
        && node.table().status(target) == MemberStatus.SUSPECT) {
      // Lifeguard's buddy system: tell a suspected member so, that it may refute at once.
      buddy =
          Update.suspect(node.id(target), node.table().incarnation(target), node.context().self());
    }
    long probeSeq = seq;
    node.send(node.id(target), buddy, gossip -> new Ping(probeSeq, gossip));
    node.context().count("swim.probes", 1);
    node.context().setTimer(Single.PROBE_TIMEOUT, node.config().probeTimeoutNanos());
  }

  /** No direct ack within the ping timeout: ask k others (§3.1). */
  void onProbeTimeout() {
    if (target == ProbeTargets.NONE || acked) {
      return;
    }
    List<Integer> helpers = node.randomAliveMembers(node.config().indirectChecks(), target);
    boolean wantsNack = node.config().lifeguard().localHealth();
    nacksExpected = wantsNack ? helpers.size() : 0;
    NodeId targetId = node.id(target);
    long probeSeq = seq;
    for (int helper : helpers) {
      node.send(
          node.id(helper), null, gossip -> new PingReq(probeSeq, targetId, wantsNack, gossip));
      node.context().count("swim.pingReqs", 1);
    }
  }

  /** An ack, direct or relayed; returns true when it answers the probe in progress. */
  boolean onAck(long ackSeq) {
    if (target == ProbeTargets.NONE || ackSeq != seq) {
      return false;
    }
    if (!acked) {
      acked = true;
      node.context().cancelTimer(Single.PROBE_TIMEOUT);
    }
    return true;
  }

  void onNack(long nackSeq) {
    if (target != ProbeTargets.NONE && nackSeq == seq) {
      nacksReceived++;
    }
  }

  /** The last probe finished, or null before the first. */
  FinishedProbe lastFinished() {
    return lastFinished;
  }

  /** The member being probed now, or {@link ProbeTargets#NONE}. */
  int target() {
    return target;
  }
}
