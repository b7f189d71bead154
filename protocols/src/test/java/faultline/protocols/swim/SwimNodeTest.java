package faultline.protocols.swim;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static faultline.protocols.swim.SwimRuns.n;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.swim.SwimMessage.Ack;
import faultline.protocols.swim.SwimMessage.Ping;
import faultline.protocols.swim.SwimMessage.PingReq;
import faultline.protocols.swim.SwimTimer.Single;
import faultline.protocols.swim.SwimTimer.SuspicionTimeout;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * One SWIM member driven by hand through a fake context, each test tied to a sentence of the paper
 * (Das, Gupta and Motivala, DSN 2002) or of Lifeguard, in etcd's "paper test" style.
 */
class SwimNodeTest {
  private final List<NodeId> members = SwimRuns.of(10).config().members().ids();
  private final SwimContext context = new SwimContext(n(1), members);
  private SwimNode node;

  private SwimNode start(UnaryOperator<SwimConfig.Builder> change) {
    node = new SwimNode(change.apply(SwimConfig.builder(members).staggerStart(false)).build());
    node.onStart(context);
    return node;
  }

  private SwimContext.Sent onlySent() {
    List<SwimContext.Sent> sent = context.drain();
    assertThat(sent).hasSize(1);
    return sent.getFirst();
  }

  /** Runs the period timer: the previous probe is judged and the next ping goes out. */
  private Ping period() {
    context.nowNanos += SECOND;
    node.onTimer(context, Single.PROBE_PERIOD);
    return (Ping) onlySent().message();
  }

  @Test
  void aPingIsAnsweredByAnAckOfTheSameSequence() {
    start(b -> b);
    node.onMessage(context, n(4), new Ping(17, List.of()));
    SwimContext.Sent sent = onlySent();
    assertThat(sent.to()).isEqualTo(n(4));
    assertThat(sent.message()).isEqualTo(new Ack(17, List.of()));
  }

  @Test
  void eachPeriodPingsOneMemberAndAsksKOthersWhenNoAckComes() {
    // §3.1: "M_i selects a member at random ... and sends a ping. ... If no ack in time, M_i
    // selects k members at random and sends each of them a ping-req(M_j)."
    start(b -> b);
    assertThat(context.timers).containsEntry(Single.PROBE_PERIOD, SECOND);
    Ping ping = period();
    assertThat(context.timers).containsEntry(Single.PROBE_TIMEOUT, 500 * MILLI);
    node.onTimer(context, Single.PROBE_TIMEOUT);
    List<SwimContext.Sent> requests = context.drain();
    assertThat(requests).hasSize(3);
    assertThat(requests).extracting(SwimContext.Sent::to).doesNotHaveDuplicates();
    assertThat(requests)
        .allSatisfy(
            r -> {
              PingReq request = (PingReq) r.message();
              assertThat(request.seq()).isEqualTo(ping.seq());
              assertThat(r.to()).isNotEqualTo(request.target()).isNotEqualTo(n(1));
            });
  }

  @Test
  void aProbeUnansweredByTheEndOfThePeriodSuspectsItsTarget() {
    start(b -> b);
    period();
    node.onTimer(context, Single.PROBE_TIMEOUT);
    List<SwimContext.Sent> requests = context.drain();
    NodeId probed = ((PingReq) requests.getFirst().message()).target();
    period();
    assertThat(node.statusOf(probed)).isEqualTo(MemberStatus.SUSPECT);
    // "suspicionMult · max(1, log10 n) · T'": 4 s for 10 members.
    assertThat(context.timers).containsEntry(new SuspicionTimeout(probed), 4 * SECOND);
    node.onTimer(context, new SuspicionTimeout(probed));
    assertThat(node.statusOf(probed)).isEqualTo(MemberStatus.FAULTY);
    // The verdict travels on the next message (§4.1).
    node.onMessage(context, n(9), new Ping(3, List.of()));
    assertThat(onlySent().message().gossip()).contains(Update.confirm(probed, 0, n(1)));
  }

  @Test
  void anAckThatComesLateButWithinThePeriodStillCounts() {
    start(b -> b);
    Ping ping = period();
    node.onTimer(context, Single.PROBE_TIMEOUT);
    context.drain();
    node.onMessage(context, n(6), new Ack(ping.seq(), List.of()));
    period();
    assertThat(node.activeSuspicions()).isZero();
  }

  @Test
  void withoutSuspicionAFailedProbeDeclaresItsTargetFaulty() {
    // §3.1, the basic protocol: "M_i ... declares M_j as failed".
    start(b -> b.suspicion(false));
    period();
    node.onTimer(context, Single.PROBE_TIMEOUT);
    NodeId probed = ((PingReq) context.drain().getFirst().message()).target();
    period();
    assertThat(node.statusOf(probed)).isEqualTo(MemberStatus.FAULTY);
  }

  @Test
  void aSuspectedMemberRefutesByRaisingItsOwnIncarnation() {
    // §4.2: "... M_j itself, on receiving such a message, ... increments its incarnation number".
    start(b -> b);
    node.onMessage(context, n(3), new Ping(5, List.of(Update.suspect(n(1), 0, n(3)))));
    assertThat(node.incarnation()).isEqualTo(1);
    assertThat(context.disk).containsEntry(IncarnationMemory.KEY, 1L);
    assertThat(onlySent().message().gossip()).containsExactly(Update.alive(n(1), 1));
  }

  @Test
  void aHelperRelaysTheTargetsAckUnderTheRequestersSequence() {
    start(b -> b);
    node.onMessage(context, n(2), new PingReq(40, n(7), false, List.of()));
    SwimContext.Sent ping = onlySent();
    assertThat(ping.to()).isEqualTo(n(7));
    long relaySeq = ((Ping) ping.message()).seq();
    node.onMessage(context, n(7), new Ack(relaySeq, List.of()));
    SwimContext.Sent relayed = onlySent();
    assertThat(relayed.to()).isEqualTo(n(2));
    assertThat(relayed.message()).isEqualTo(new Ack(40, List.of()));
  }

  @Test
  void theBuddySystemTellsASuspectedMemberSoWhenPingingIt() {
    start(b -> b.lifeguard(new Lifeguard(false, 8, false, true)));
    for (int i = 2; i <= 10; i++) {
      node.onMessage(context, n(2), new Ping(1, List.of(Update.suspect(n(i), 0, n(2)))));
    }
    context.drain();
    Ping ping = period();
    assertThat(ping.gossip().getFirst().kind()).isEqualTo(Update.Kind.SUSPECT);
  }

  @Test
  void aRestartedMemberRejoinsAboveItsOldIncarnation() {
    start(b -> b);
    node.onMessage(context, n(3), new Ping(5, List.of(Update.suspect(n(1), 0, n(3)))));
    context.drain();
    SwimNode restarted = new SwimNode(SwimConfig.builder(members).build());
    restarted.onStart(context);
    assertThat(restarted.incarnation()).isEqualTo(2);
    assertThat(restarted.isMember()).isFalse();
    SwimContext.Sent join = onlySent();
    assertThat(join.to()).isEqualTo(n(2)); // The first seed other than itself.
    assertThat(join.message()).isInstanceOf(SwimMessage.Join.class);
  }

  // Lifeguard (Dadgar, Phillips and Currey, 2017), as memberlist implements it.

  /** Runs a probe that fails: the period's ping and k ping-reqs go unanswered; returns them. */
  private List<SwimContext.Sent> unansweredProbe() {
    period();
    node.onTimer(context, Single.PROBE_TIMEOUT);
    return context.drain();
  }

  @Test
  void aHelperThatCannotReachTheTargetSendsANackOnlyWhenAskedFor() {
    // Lifeguard §IV-A: "... the member sends a nack to the requester if the target does not
    // respond", so the requester can tell its own slowness from the target's failure.
    start(b -> b);
    node.onMessage(context, n(2), new PingReq(40, n(7), true, List.of()));
    long relaySeq = ((Ping) onlySent().message()).seq();
    node.onTimer(context, new SwimTimer.RelayTimeout(relaySeq));
    SwimContext.Sent nack = onlySent();
    assertThat(nack.to()).isEqualTo(n(2));
    assertThat(nack.message()).isEqualTo(new SwimMessage.Nack(40, List.of()));

    node.onMessage(context, n(3), new PingReq(41, n(7), false, List.of()));
    long silentSeq = ((Ping) onlySent().message()).seq();
    node.onTimer(context, new SwimTimer.RelayTimeout(silentSeq));
    assertThat(context.drain()).isEmpty();
  }

  @Test
  void pingReqsBeyondTheBoundAreRefusedAndCounted() {
    start(b -> b.maxPendingRelays(2));
    for (int seq = 1; seq <= 3; seq++) {
      node.onMessage(context, n(2), new PingReq(seq, n(7), false, List.of()));
    }
    assertThat(context.drain()).hasSize(2);
    assertThat(context.counts).containsEntry("swim.relaysRefused", 1L);
  }

  @Test
  void missingNacksRaiseTheHealthScoreWhichStretchesThePeriod() {
    // Lifeguard §IV-A: a probe that fails without the helpers' nacks counts against the prober
    // itself; memberlist's ScaleTimeout stretches the period by score + 1.
    start(b -> b.lifeguard(new Lifeguard(true, 8, false, false)));
    List<SwimContext.Sent> requests = unansweredProbe();
    assertThat(requests).allSatisfy(r -> assertThat(((PingReq) r.message()).wantsNack()).isTrue());
    period();
    assertThat(node.awarenessScore()).isEqualTo(3);
    assertThat(context.timers).containsEntry(Single.PROBE_PERIOD, 4 * SECOND);
  }

  @Test
  void nacksFromEveryHelperLeaveTheScoreAlone() {
    start(b -> b.lifeguard(new Lifeguard(true, 8, false, false)));
    List<SwimContext.Sent> requests = unansweredProbe();
    for (SwimContext.Sent request : requests) {
      long seq = ((PingReq) request.message()).seq();
      node.onMessage(context, request.to(), new SwimMessage.Nack(seq, List.of()));
    }
    period();
    assertThat(node.awarenessScore()).isZero();
    assertThat(context.timers).containsEntry(Single.PROBE_PERIOD, SECOND);
  }

  @Test
  void theScoreFallsWithEachProbeAnsweredAndStaysBelowItsBound() {
    start(b -> b.lifeguard(new Lifeguard(true, 4, false, false)));
    for (int i = 0; i < 3; i++) {
      unansweredProbe();
    }
    period();
    assertThat(node.awarenessScore()).as("clamped to awarenessMax - 1").isEqualTo(3);
    Ping ping = period();
    node.onMessage(context, n(2), new Ack(ping.seq(), List.of()));
    period();
    assertThat(node.awarenessScore()).isEqualTo(2);
  }

  @Test
  void withoutLocalHealthNothingIsScaled() {
    start(b -> b);
    unansweredProbe();
    period();
    assertThat(node.awarenessScore()).isZero();
    assertThat(context.timers).containsEntry(Single.PROBE_PERIOD, SECOND);
    assertThat(context.drain()).isEmpty();
  }

  @Test
  void independentConfirmationsShortenASuspicionThatStartsAtItsLongest() {
    // Lifeguard §IV-B, memberlist's remainingSuspicionTime: with suspicionMult 4 and 10 members,
    // 2 confirmations bring 24 s down to 4 s; one, heard 1 s in, leaves
    // 24 - log(2) / log(3) * 20 = 11.381 s from the start.
    start(b -> b.lifeguard(new Lifeguard(false, 8, true, false)));
    SuspicionTimeout timeout = new SuspicionTimeout(n(5));
    node.onMessage(context, n(2), new Ping(1, List.of(Update.suspect(n(5), 0, n(2)))));
    assertThat(context.timers).containsEntry(timeout, 24 * SECOND);
    context.drain();

    context.nowNanos += SECOND;
    node.onMessage(context, n(3), new Ping(2, List.of(Update.suspect(n(5), 0, n(3)))));
    assertThat(context.timers).containsEntry(timeout, 10_381 * MILLI);
    assertThat(onlySent().message().gossip())
        .as("passed on")
        .contains(Update.suspect(n(5), 0, n(3)));

    node.onMessage(context, n(4), new Ping(3, List.of(Update.suspect(n(5), 0, n(3)))));
    assertThat(context.timers)
        .as("the same confirmer twice")
        .containsEntry(timeout, 10_381 * MILLI);
    node.onMessage(context, n(4), new Ping(4, List.of(Update.suspect(n(5), 0, n(4)))));
    assertThat(context.timers).containsEntry(timeout, 3 * SECOND); // 4 s from the start.
  }

  @Test
  void aRefutationRaisesTheRefutersHealthScore() {
    start(b -> b.lifeguard(new Lifeguard(true, 8, false, false)));
    node.onMessage(context, n(3), new Ping(5, List.of(Update.suspect(n(1), 0, n(3)))));
    assertThat(node.awarenessScore()).isEqualTo(1);
  }

  // Joins, leaves and reconnects.

  @Test
  void aLateMemberJoinsThroughASeedAndTakesItsList() {
    start(b -> b.joins(new TreeMap<>(Map.of(n(1), 5 * SECOND))).seeds(List.of(n(2))));
    assertThat(node.isMember()).isFalse();
    assertThat(context.timers).containsEntry(Single.JOIN_DUE, 5 * SECOND);
    context.nowNanos = 5 * SECOND;
    node.onTimer(context, Single.JOIN_DUE);
    SwimContext.Sent join = onlySent();
    assertThat(join.to()).isEqualTo(n(2));
    assertThat(join.message()).isEqualTo(new SwimMessage.Join(0, List.of()));

    List<Update> list =
        List.of(Update.alive(n(2), 0), Update.alive(n(3), 4), Update.confirm(n(4), 0, n(2)));
    node.onMessage(context, n(2), new SwimMessage.JoinReply(list, List.of()));
    assertThat(node.isMember()).isTrue();
    assertThat(node.statusOf(n(3))).isEqualTo(MemberStatus.ALIVE);
    assertThat(node.incarnationOf(n(3))).isEqualTo(4);
    assertThat(node.statusOf(n(4))).isEqualTo(MemberStatus.FAULTY);
    assertThat(node.statusOf(n(6))).isEqualTo(MemberStatus.UNKNOWN);
    assertThat(context.timers)
        .doesNotContainKey(Single.JOIN_RETRY)
        .containsKey(Single.PROBE_PERIOD);
  }

  @Test
  void aSeedAdmitsAJoinerAndAnswersWithEveryMemberItKnows() {
    start(b -> b.joins(new TreeMap<>(Map.of(n(7), 5 * SECOND))));
    node.onMessage(context, n(7), new SwimMessage.Join(2, List.of()));
    SwimMessage.JoinReply reply = (SwimMessage.JoinReply) onlySent().message();
    assertThat(reply.members()).hasSize(10).contains(Update.alive(n(7), 2), Update.alive(n(1), 0));
    assertThat(node.statusOf(n(7))).isEqualTo(MemberStatus.ALIVE);
  }

  @Test
  void aLeavingMemberTellsKOthersThenFallsSilent() {
    start(b -> b.leaves(new TreeMap<>(Map.of(n(1), 3 * SECOND))));
    assertThat(context.timers).containsEntry(Single.LEAVE_DUE, 3 * SECOND);
    node.onTimer(context, Single.LEAVE_DUE);
    List<SwimContext.Sent> goodbyes = context.drain();
    assertThat(goodbyes).hasSize(3);
    assertThat(goodbyes)
        .allSatisfy(
            g -> assertThat(g.message().gossip().getFirst()).isEqualTo(Update.leave(n(1), 0)));
    assertThat(node.isMember()).isFalse();
    assertThat(node.statusOf(n(1))).isEqualTo(MemberStatus.LEFT);

    node.onMessage(context, n(2), new Ping(9, List.of()));
    node.onTimer(context, Single.PROBE_PERIOD);
    assertThat(context.drain()).isEmpty();
  }

  @Test
  void aReconnectPingsAMemberHeldFaultyWithItsVerdict() {
    start(b -> b);
    assertThat(context.timers).containsEntry(Single.RECONNECT_DUE, 30 * SECOND);
    node.onMessage(context, n(2), new Ping(1, List.of(Update.confirm(n(6), 0, n(2)))));
    context.drain();
    node.onTimer(context, Single.RECONNECT_DUE);
    SwimContext.Sent ping = onlySent();
    assertThat(ping.to()).isEqualTo(n(6));
    assertThat(ping.message().gossip().getFirst()).isEqualTo(Update.confirm(n(6), 0, n(1)));
    assertThat(context.counts).containsEntry("swim.reconnects", 1L);
  }

  @Test
  void aStaleVerdictAboutItselfIsAnsweredWithItsCurrentAlive() {
    start(b -> b);
    node.onMessage(context, n(3), new Ping(5, List.of(Update.suspect(n(1), 0, n(3)))));
    context.drain();
    node.onMessage(context, n(4), new Ping(6, List.of(Update.confirm(n(1), 0, n(3)))));
    assertThat(node.incarnation()).isEqualTo(1);
    assertThat(onlySent().message().gossip()).contains(Update.alive(n(1), 1));
  }

  @Test
  void aFullBroadcastQueueDropsTheMostSentUpdateAndSaysSo() {
    start(b -> b.maxQueuedUpdates(2));
    node.onMessage(
        context,
        n(2),
        new Ping(
            1,
            List.of(
                Update.suspect(n(4), 0, n(2)),
                Update.suspect(n(5), 0, n(2)),
                Update.suspect(n(6), 0, n(2)))));
    assertThat(context.counts).containsEntry("swim.broadcastsDropped", 1L);
    assertThat(onlySent().message().gossip()).hasSize(2);
  }
}
