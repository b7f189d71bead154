package faultline.protocols.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of {@link HybridTimestamp}, led by step vectors in the manner of CockroachDB's {@code
 * hlc} tests: a table of events on one process, each applied to the timestamp left by the row
 * above, starting from {@link HybridTimestamp#zero()}. Every row states the physical reading, the
 * event, the remote timestamp for a receive, and the exact expected result, so any change to a
 * branch of Figure 5 of the HLC paper fails a named row. Timestamps are written {@code l,c}.
 */
class HybridTimestampTest {

  private static final String STEP_VECTORS =
      """
      # physical  event    remote   expected  why
        100       local    -        100,0     physical time passes the initial l: l takes it, c = 0
        100       send     -        100,1     physical clock stalled: l stays, c counts
         90       local    -        100,2     physical clock went backwards: l stays, c counts
         80       send     -        100,3     still behind: l stays, c counts
         95       receive  100,7    100,8     equal l on both sides, remote c larger: max(c) + 1
         99       receive  100,2    100,9     equal l on both sides, local c larger: max(c) + 1
        100       receive  100,9    100,10    l, remote l and physical all equal: max(c) + 1
        101       send     -        101,0     physical time takes over again: c resets
        102       receive  250,4    250,5     remote l larger than both: l jumps, remote c + 1
        120       receive  200,9    250,6     local l larger than both: local c + 1, remote c unused
        130       receive  250,6    250,7     equal l after the jump: max(c) + 1
        300       receive  280,2    300,0     physical time larger than both: c resets
        310       receive  310,4    310,5     physical ties the remote l: remote c + 1
        310       receive  305,9    310,6     physical ties the local l: local c + 1
        200       send     -        310,7     clock stepped back by 110: l stays, c counts
        400       receive  0,0      400,0     a zero remote and a later physical time: c resets
        400       local    -        400,1     physical clock stalled after a receive: c counts
      """;

  private record StepVector(
      int row,
      long physicalNanos,
      String event,
      HybridTimestamp remote,
      HybridTimestamp expected,
      String why) {}

  @Test
  void stepVectorsFollowFigureFive() {
    List<StepVector> steps = parse(STEP_VECTORS);
    // Guards against a parser that silently skips rows.
    assertThat(steps).hasSize(17);
    HybridTimestamp clock = HybridTimestamp.zero();
    for (StepVector step : steps) {
      HybridTimestamp next =
          switch (step.event()) {
            case "local", "send" -> clock.sendOrLocal(step.physicalNanos());
            case "receive" -> clock.receive(step.remote(), step.physicalNanos());
            default -> throw new IllegalArgumentException("unknown event: " + step);
          };
      assertThat(next)
          .as("row %d (%s) from %s: %s", step.row(), step.event(), clock, step.why())
          .isEqualTo(step.expected());
      // Every event moves the clock forward, whatever physical time did.
      assertThat(clock.isBefore(next)).as("row %d moves forward", step.row()).isTrue();
      if (step.remote() != null) {
        assertThat(step.remote().isBefore(next)).as("row %d passes remote", step.row()).isTrue();
      }
      assertThat(next.wallNanos()).isGreaterThanOrEqualTo(step.physicalNanos());
      clock = next;
    }
  }

  private static List<StepVector> parse(String table) {
    List<StepVector> steps = new ArrayList<>();
    List<String> lines = table.lines().toList();
    for (int lineIndex = 0; lineIndex < lines.size(); lineIndex++) {
      String line = lines.get(lineIndex).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+", 5);
      assertThat(fields).as("line %d: %s", lineIndex + 1, line).hasSize(5);
      steps.add(
          new StepVector(
              steps.size() + 1,
              Long.parseLong(fields[0]),
              fields[1],
              fields[2].equals("-") ? null : parseTimestamp(fields[2]),
              parseTimestamp(fields[3]),
              fields[4]));
    }
    return steps;
  }

  private static HybridTimestamp parseTimestamp(String text) {
    String[] parts = text.split(",");
    return new HybridTimestamp(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
  }

  /**
   * Two processes whose physical clocks disagree by 1000: the message from the process ahead must
   * still be timestamped before its receipt on the process behind, and the receiver's clock stays
   * at the sender's l until its own physical clock passes it.
   */
  @Test
  void receiveFromAProcessAheadOrdersTheReceiptAfterTheSend() {
    HybridTimestamp ahead = HybridTimestamp.zero().sendOrLocal(5_000);
    HybridTimestamp behind = HybridTimestamp.zero().sendOrLocal(4_000);

    HybridTimestamp sent = ahead.sendOrLocal(5_010);
    HybridTimestamp received = behind.receive(sent, 4_020);
    HybridTimestamp afterward = received.sendOrLocal(4_030);
    HybridTimestamp caughtUp = afterward.sendOrLocal(5_011);

    assertThat(sent).isEqualTo(new HybridTimestamp(5_010, 0));
    assertThat(received).isEqualTo(new HybridTimestamp(5_010, 1));
    assertThat(afterward).isEqualTo(new HybridTimestamp(5_010, 2));
    assertThat(caughtUp).isEqualTo(new HybridTimestamp(5_011, 0));
    assertThat(List.of(sent, received, afterward, caughtUp))
        .isSortedAccordingTo(HybridTimestamp::compareTo)
        .doesNotHaveDuplicates();
  }

  @Test
  void zeroIsTheOrigin() {
    assertThat(HybridTimestamp.zero()).isEqualTo(new HybridTimestamp(0, 0));
  }

  @Test
  void comparesByWallThenLogical() {
    HybridTimestamp early = new HybridTimestamp(100, 9);
    HybridTimestamp sameWallLater = new HybridTimestamp(100, 10);
    HybridTimestamp laterWall = new HybridTimestamp(101, 0);
    assertThat(early).isLessThan(sameWallLater).isLessThan(laterWall);
    assertThat(sameWallLater).isLessThan(laterWall);
    assertThat(early.compareTo(new HybridTimestamp(100, 9))).isZero();
    assertThat(early.isBefore(sameWallLater)).isTrue();
    assertThat(sameWallLater.isBefore(early)).isFalse();
    assertThat(early.isBefore(early)).isFalse();
    // The wall part dominates even when the logical part points the other way.
    assertThat(new HybridTimestamp(99, 1_000).isBefore(new HybridTimestamp(100, 0))).isTrue();
  }

  @Test
  void toStringShowsBothParts() {
    assertThat(new HybridTimestamp(1_500_000_000L, 3)).hasToString("HLC(1500000000,3)");
  }

  @Test
  void logicalOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> new HybridTimestamp(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HybridTimestamp(1, HybridTimestamp.LOGICAL_MAX + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(HybridTimestamp.LOGICAL_MAX));
    assertThat(new HybridTimestamp(1, HybridTimestamp.LOGICAL_MAX).logical()).isEqualTo(1L << 30);
  }

  @Test
  void localEventPastTheLogicalBoundFails() {
    HybridTimestamp full = new HybridTimestamp(500, HybridTimestamp.LOGICAL_MAX);
    assertThatThrownBy(() -> full.sendOrLocal(400))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("overflow")
        .hasMessageContaining("HLC(500,1073741824)");
    // A later physical reading resets c, so the same clock can still move on.
    assertThat(full.sendOrLocal(501)).isEqualTo(new HybridTimestamp(501, 0));
  }

  @Test
  void receivePastTheLogicalBoundFails() {
    HybridTimestamp remoteFull = new HybridTimestamp(500, HybridTimestamp.LOGICAL_MAX);
    assertThatThrownBy(() -> new HybridTimestamp(500, 3).receive(remoteFull, 10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("overflow");
    assertThatThrownBy(() -> HybridTimestamp.zero().receive(remoteFull, 10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("receiving HLC(500,1073741824)");
    // Physical time past the remote's l resets c, so nothing overflows.
    assertThat(HybridTimestamp.zero().receive(remoteFull, 501))
        .isEqualTo(new HybridTimestamp(501, 0));
  }

  @Test
  void operationsLeaveTheOriginalUnchanged() {
    HybridTimestamp original = new HybridTimestamp(100, 2);
    HybridTimestamp unusedLocal = original.sendOrLocal(50);
    HybridTimestamp unusedReceive = original.receive(new HybridTimestamp(300, 1), 50);
    assertThat(original).isEqualTo(new HybridTimestamp(100, 2));
    assertThat(unusedLocal).isEqualTo(new HybridTimestamp(100, 3));
    assertThat(unusedReceive).isEqualTo(new HybridTimestamp(300, 2));
  }
}
