package faultline.protocols.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of {@link LamportClock}: each implementation rule (IR1, IR2) on its own, then a
 * three-process message chain, checked against the Clock Condition with exact expected times.
 */
class LamportClockTest {

  @Test
  void zeroIsTimeZero() {
    assertThat(LamportClock.zero().time()).isZero();
    assertThat(LamportClock.zero()).isEqualTo(new LamportClock(0));
  }

  @Test
  void tickAddsOne() {
    assertThat(new LamportClock(41).tick()).isEqualTo(new LamportClock(42));
    assertThat(LamportClock.zero().tick().tick().tick().time()).isEqualTo(3);
  }

  @Test
  void tickLeavesTheOriginalUnchanged() {
    LamportClock before = new LamportClock(5);
    LamportClock unused = before.tick();
    assertThat(before.time()).isEqualTo(5);
    assertThat(unused.time()).isEqualTo(6);
  }

  @Test
  void receiveFromAClockAheadJumpsPastIt() {
    assertThat(new LamportClock(3).receive(new LamportClock(10))).isEqualTo(new LamportClock(11));
  }

  @Test
  void receiveFromAClockBehindStillTicks() {
    assertThat(new LamportClock(10).receive(new LamportClock(3))).isEqualTo(new LamportClock(11));
  }

  @Test
  void receiveFromAnEqualClockTicksOnce() {
    assertThat(new LamportClock(7).receive(new LamportClock(7))).isEqualTo(new LamportClock(8));
  }

  @Test
  void receivedClockIsLaterThanBothInputs() {
    // IR2: the receipt must be later than the send (Clock Condition C2) and than the receiver's
    // previous event (C1).
    LamportClock local = new LamportClock(4);
    LamportClock remote = new LamportClock(9);
    LamportClock received = local.receive(remote);
    assertThat(received).isGreaterThan(local).isGreaterThan(remote);
    assertThat(local.isBefore(received)).isTrue();
    assertThat(remote.isBefore(received)).isTrue();
  }

  @Test
  void comparesByTime() {
    assertThat(new LamportClock(1)).isLessThan(new LamportClock(2));
    assertThat(new LamportClock(2).compareTo(new LamportClock(2))).isZero();
    assertThat(new LamportClock(3)).isGreaterThan(new LamportClock(2));
    assertThat(new LamportClock(2).isBefore(new LamportClock(2))).isFalse();
    assertThat(new LamportClock(1).isBefore(new LamportClock(2))).isTrue();
  }

  @Test
  void toStringShowsTheTime() {
    assertThat(new LamportClock(17)).hasToString("Lamport(17)");
  }

  @Test
  void negativeTimeIsRefused() {
    assertThatThrownBy(() -> new LamportClock(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void overflowIsRefusedInsteadOfWrapping() {
    LamportClock last = new LamportClock(Long.MAX_VALUE);
    assertThatThrownBy(last::tick)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("overflow");
    assertThatThrownBy(() -> LamportClock.zero().receive(last))
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * Three processes P, Q, R. P sends to Q, Q sends to R, R sends back to P, and P then does a local
   * event. Every event's expected time is written out, and along the causal chain each time is
   * strictly larger (the Clock Condition).
   */
  @Test
  void messageChainFollowsTheClockCondition() {
    LamportClock p = LamportClock.zero();
    LamportClock q = LamportClock.zero();
    LamportClock r = LamportClock.zero();
    List<LamportClock> chain = new ArrayList<>();

    q = q.tick(); // q1: a local event on Q, concurrent with P's send.
    q = q.tick(); // q2
    r = r.tick(); // r1

    p = p.tick(); // p1: P sends m1 to Q.
    LamportClock m1 = p;
    chain.add(p);
    q = q.receive(m1); // q3: max(2, 1) + 1.
    chain.add(q);
    q = q.tick(); // q4: Q sends m2 to R.
    LamportClock m2 = q;
    chain.add(q);
    r = r.receive(m2); // r5: max(1, 4) + 1.
    chain.add(r);
    r = r.tick(); // r6: R sends m3 to P.
    LamportClock m3 = r;
    chain.add(r);
    p = p.receive(m3); // p7: max(1, 6) + 1.
    chain.add(p);
    p = p.tick(); // p8
    chain.add(p);

    assertThat(chain).extracting(LamportClock::time).containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(chain).isSortedAccordingTo(LamportClock::compareTo).doesNotHaveDuplicates();
  }
}
