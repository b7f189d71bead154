package faultline.protocols.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests tied to the rules of the clock papers, one rule each, on the model of etcd-raft's paper
 * tests: Lamport, "Time, Clocks, and the Ordering of Events in a Distributed System" (1978), its
 * implementation rules IR1 and IR2; the vector clocks of Fidge (1988) and Mattern (1989); and the
 * hybrid logical clock of Kulkarni et al. (OPODIS 2014), whose Figure 5 is quoted line by line. The
 * whole of Figure 5 in sequence is {@code HybridTimestampTest}'s table of step vectors, in the
 * manner of CockroachDB's.
 */
class ClocksPaperTest {

  // Lamport 1978.

  /** IR1: "Each process P_i increments C_i between any two successive events." */
  @Test
  void lamportIr1EveryEventIncrementsTheClock() {
    LamportClock clock = LamportClock.zero();
    for (int event = 1; event <= 3; event++) {
      clock = clock.tick();
      assertThat(clock.time()).isEqualTo(event);
    }
  }

  /**
   * IR2 (b): "Upon receiving a message m, process P_j sets C_j greater than or equal to its present
   * value and greater than T_m." Whichever is larger, the receiver's own time or the stamp.
   */
  @ParameterizedTest(name = "own time {0}, stamp {1}: past both")
  @CsvSource({"3, 9", "9, 3", "5, 5", "0, 0"})
  void lamportIr2AReceiptPassesTheStampAndTheReceiversOwnTime(long own, long stamp) {
    LamportClock received = new LamportClock(own).receive(new LamportClock(stamp));

    assertThat(received.time()).isGreaterThanOrEqualTo(own).isGreaterThan(stamp);
  }

  /** The Clock Condition: "For any events a, b: if a → b then C(a) &lt; C(b)." */
  @Test
  void lamportClockConditionHoldsAlongAMessageChain() {
    LamportClock sendAtP = LamportClock.zero().tick();
    LamportClock receiveAtQ = new LamportClock(7).receive(sendAtP);
    LamportClock sendAtQ = receiveAtQ.tick();
    LamportClock receiveAtR = LamportClock.zero().receive(sendAtQ);

    assertThat(sendAtP.isBefore(receiveAtQ)).isTrue();
    assertThat(receiveAtQ.isBefore(sendAtQ)).isTrue();
    assertThat(sendAtQ.isBefore(receiveAtR)).isTrue();
  }

  // Vector clocks (Fidge 1988, Mattern 1989).

  /** A process increments its own entry, and only its own, at each event. */
  @Test
  void vectorAnEventIncrementsOnlyItsOwnEntry() {
    VectorClock clock = VectorClock.of(Map.of("p", 2L, "q", 5L)).tick("p");

    assertThat(clock.entries()).isEqualTo(Map.of("p", 3L, "q", 5L));
  }

  /** On receipt, a process takes the pointwise maximum with the message's vector, then ticks. */
  @Test
  void vectorAReceiptTakesThePointwiseMaximumThenTicks() {
    VectorClock receiver = VectorClock.of(Map.of("p", 1L, "q", 4L));
    VectorClock stamp = VectorClock.of(Map.of("p", 3L, "q", 2L, "r", 1L));

    assertThat(receiver.receive("q", stamp).entries()).isEqualTo(Map.of("p", 3L, "q", 5L, "r", 1L));
  }

  /**
   * Vector clocks characterize causality: a happened before b exactly when a's vector is at most
   * b's in every entry and differs; neither way, the events are concurrent.
   */
  @ParameterizedTest(name = "{0} against {1}: {2}")
  @CsvSource({
    "p=1, p=1;q=1, BEFORE",
    "p=2;q=1, p=1;q=1, AFTER",
    "p=1, q=1, CONCURRENT",
    "p=1;q=1, p=1;q=1, EQUAL",
  })
  void vectorComparisonIsHappenedBefore(String first, String second, CausalOrder order) {
    assertThat(vector(first).compare(vector(second))).isEqualTo(order);
  }

  private static VectorClock vector(String text) {
    VectorClock clock = VectorClock.empty();
    for (String entry : text.split(";")) {
      String[] parts = entry.split("=");
      for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
        clock = clock.tick(parts[0]);
      }
    }
    return clock;
  }

  // Hybrid logical clocks, Figure 5. Timestamps are (l, c); pt is the physical reading.

  /**
   * Figure 5, send or local event: "l.j := max(l'.j, pt.j); If (l.j = l'.j) then c.j := c.j + 1
   * Else c.j := 0".
   */
  @ParameterizedTest(name = "from ({0},{1}) at pt {2}: ({3},{4})")
  @CsvSource({
    "10, 4, 20, 20, 0", // Physical time passed l: l takes it, c restarts.
    "10, 4, 10, 10, 5", // Physical time stood still: l stays, c counts.
    "10, 4, 5, 10, 5", // Physical time fell behind: l stays, c counts.
  })
  void hlcSendOrLocalEvent(long l, long c, long pt, long lNext, long cNext) {
    assertThat(new HybridTimestamp(l, c).sendOrLocal(pt))
        .isEqualTo(new HybridTimestamp(lNext, cNext));
  }

  /**
   * Figure 5, receive event of message m: "l.j := max(l'.j, l.m, pt.j); If (l.j = l'.j = l.m) then
   * c.j := max(c.j, c.m)+1 Elseif (l.j = l'.j) then c.j := c.j + 1 Elseif (l.j = l.m) then c.j :=
   * c.m + 1 Else c.j := 0". One row per branch.
   */
  @ParameterizedTest(name = "({0},{1}) receives ({2},{3}) at pt {4}: ({5},{6})")
  @CsvSource({
    "10, 4, 10, 7, 5, 10, 8", // l = l' = l.m: max(c, c.m) + 1.
    "10, 9, 10, 7, 5, 10, 10", // The same branch, the local c larger.
    "10, 4, 8, 7, 5, 10, 5", // l = l' only: c + 1.
    "10, 4, 12, 7, 5, 12, 8", // l = l.m only: c.m + 1.
    "10, 4, 12, 7, 30, 30, 0", // Physical time passed both: c restarts.
  })
  void hlcReceiveEvent(long l, long c, long lm, long cm, long pt, long lNext, long cNext) {
    HybridTimestamp received = new HybridTimestamp(l, c).receive(new HybridTimestamp(lm, cm), pt);

    assertThat(received).isEqualTo(new HybridTimestamp(lNext, cNext));
  }

  /**
   * §3, the properties Figure 5 is proved to keep: "if e hb f then (l.e, c.e) &lt; (l.f, c.f)", and
   * l never falls below the physical reading at the event.
   */
  @Test
  void hlcOrdersEveryEventAfterItsCausesAndNeverBelowPhysicalTime() {
    HybridTimestamp send = HybridTimestamp.zero().sendOrLocal(1_000); // A clock ahead.
    HybridTimestamp receive = HybridTimestamp.zero().sendOrLocal(10).receive(send, 20);
    HybridTimestamp local = receive.sendOrLocal(30);

    assertThat(send.isBefore(receive)).isTrue();
    assertThat(receive.isBefore(local)).isTrue();
    assertThat(receive.wallNanos()).isGreaterThanOrEqualTo(20);
    assertThat(local.wallNanos()).isGreaterThanOrEqualTo(30);
  }
}
