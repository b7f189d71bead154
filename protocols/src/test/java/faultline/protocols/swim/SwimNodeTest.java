package faultline.protocols.swim;

import static faultline.protocols.swim.SwimRuns.MILLI;
import static faultline.protocols.swim.SwimRuns.SECOND;
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
}
