package faultline.protocols.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of {@link VectorClock}: construction and normalization, each operation with exact
 * expected values, the four comparison outcomes, and immutability. A small three-node message
 * exchange checks that the clocks capture causality exactly. The laws over random clocks live in
 * {@link VectorClockProperties}.
 */
class VectorClockTest {

  private static VectorClock clock(Object... nodesAndCounters) {
    Map<String, Long> counters = new TreeMap<>();
    for (int i = 0; i < nodesAndCounters.length; i += 2) {
      counters.put((String) nodesAndCounters[i], ((Number) nodesAndCounters[i + 1]).longValue());
    }
    return VectorClock.of(counters);
  }

  @Test
  void emptyHasNoEntriesAndReadsZero() {
    assertThat(VectorClock.empty().entries()).isEmpty();
    assertThat(VectorClock.empty().get("n1")).isZero();
    assertThat(VectorClock.empty()).hasToString("{}");
  }

  @Test
  void missingEntriesReadZero() {
    VectorClock clock = clock("n1", 2);
    assertThat(clock.get("n1")).isEqualTo(2);
    assertThat(clock.get("n9")).isZero();
  }

  @Test
  void zeroEntriesEqualMissingEntries() {
    VectorClock withZero = clock("n1", 0, "n2", 3);
    VectorClock withoutZero = clock("n2", 3);
    assertThat(withZero).isEqualTo(withoutZero).hasSameHashCodeAs(withoutZero);
    assertThat(clock("n1", 0)).isEqualTo(VectorClock.empty());
    assertThat(clock("n1", 0).hashCode()).isEqualTo(VectorClock.empty().hashCode());
    assertThat(withZero.entries()).containsOnlyKeys("n2");
    assertThat(withZero.compare(withoutZero)).isEqualTo(CausalOrder.EQUAL);
  }

  @Test
  void entriesAndToStringAreSortedByNodeName() {
    Map<String, Long> unordered = new HashMap<>();
    unordered.put("n3", 1L);
    unordered.put("n1", 2L);
    unordered.put("n10", 4L);
    VectorClock clock = VectorClock.of(unordered);
    assertThat(clock.entries().keySet()).containsExactly("n1", "n10", "n3");
    assertThat(clock).hasToString("{n1=2, n10=4, n3=1}");
    assertThat(clock("n3", 1, "n1", 2)).hasToString("{n1=2, n3=1}");
  }

  @Test
  void ofCopiesItsArgument() {
    Map<String, Long> counters = new TreeMap<>(Map.of("n1", 1L));
    VectorClock clock = VectorClock.of(counters);
    counters.put("n1", 5L);
    counters.put("n2", 7L);
    assertThat(clock).isEqualTo(clock("n1", 1));
  }

  @Test
  void entriesCannotBeModified() {
    SortedMap<String, Long> entries = clock("n1", 1).entries();
    assertThatThrownBy(() -> entries.put("n2", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> entries.headMap("n2").clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> entries.entrySet().iterator().next().setValue(9L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void badCountersAndNamesAreRefused() {
    assertThatThrownBy(() -> clock("n1", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock("", 1)).isInstanceOf(IllegalArgumentException.class);
    Map<String, Long> nullCounter = new HashMap<>();
    nullCounter.put("n1", null);
    assertThatThrownBy(() -> VectorClock.of(nullCounter))
        .isInstanceOf(IllegalArgumentException.class);
    Map<String, Long> nullNode = new HashMap<>();
    nullNode.put(null, 1L);
    assertThatThrownBy(() -> VectorClock.of(nullNode)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tickIncrementsOnlyThatNodeAndReturnsANewClock() {
    VectorClock before = clock("n1", 2, "n2", 5);
    VectorClock after = before.tick("n1");
    assertThat(after).isEqualTo(clock("n1", 3, "n2", 5));
    assertThat(before).isEqualTo(clock("n1", 2, "n2", 5));
    assertThat(VectorClock.empty().tick("n4")).isEqualTo(clock("n4", 1));
  }

  @Test
  void tickOverflowIsRefused() {
    assertThatThrownBy(() -> clock("n1", Long.MAX_VALUE).tick("n1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("overflow");
  }

  @Test
  void mergeTakesThePointwiseMaximum() {
    VectorClock left = clock("n1", 4, "n2", 1, "n4", 6);
    VectorClock right = clock("n2", 3, "n3", 2, "n4", 5);
    // Each side wins some shared entry, so neither "take left" nor "take right" passes.
    assertThat(left.merge(right)).isEqualTo(clock("n1", 4, "n2", 3, "n3", 2, "n4", 6));
    assertThat(right.merge(left)).isEqualTo(clock("n1", 4, "n2", 3, "n3", 2, "n4", 6));
    assertThat(left).isEqualTo(clock("n1", 4, "n2", 1, "n4", 6));
    assertThat(right).isEqualTo(clock("n2", 3, "n3", 2, "n4", 5));
  }

  @Test
  void receiveMergesThenTicksTheReceiver() {
    VectorClock local = clock("n1", 1, "n2", 4);
    VectorClock remote = clock("n1", 3, "n3", 2);
    assertThat(local.receive("n2", remote)).isEqualTo(clock("n1", 3, "n2", 5, "n3", 2));
    // The receiver's own entry ticks even when the remote knows more about it than it does: that
    // cannot happen in a real run, but the operation is defined regardless.
    assertThat(clock("n1", 1).receive("n1", clock("n1", 4))).isEqualTo(clock("n1", 5));
  }

  @Test
  void compareGivesAllFourOutcomes() {
    VectorClock base = clock("n1", 1, "n2", 2);
    assertThat(base.compare(clock("n1", 1, "n2", 2))).isEqualTo(CausalOrder.EQUAL);
    assertThat(base.compare(clock("n1", 1, "n2", 3))).isEqualTo(CausalOrder.BEFORE);
    assertThat(base.compare(clock("n1", 1, "n2", 2, "n3", 1))).isEqualTo(CausalOrder.BEFORE);
    assertThat(base.compare(clock("n2", 2))).isEqualTo(CausalOrder.AFTER);
    assertThat(base.compare(clock("n1", 2, "n2", 1))).isEqualTo(CausalOrder.CONCURRENT);
    // Disjoint keys: each has seen an event the other has not.
    assertThat(clock("n1", 1).compare(clock("n2", 1))).isEqualTo(CausalOrder.CONCURRENT);
    assertThat(VectorClock.empty().compare(base)).isEqualTo(CausalOrder.BEFORE);
    assertThat(VectorClock.empty().compare(VectorClock.empty())).isEqualTo(CausalOrder.EQUAL);
  }

  @Test
  void happenedBeforeAndConcurrentFollowCompare() {
    VectorClock early = clock("n1", 1);
    VectorClock late = clock("n1", 2, "n2", 1);
    VectorClock aside = clock("n3", 1);
    assertThat(early.happenedBefore(late)).isTrue();
    assertThat(late.happenedBefore(early)).isFalse();
    assertThat(early.happenedBefore(early)).isFalse();
    assertThat(early.isConcurrentWith(aside)).isTrue();
    assertThat(aside.isConcurrentWith(late)).isTrue();
    assertThat(early.isConcurrentWith(late)).isFalse();
    assertThat(early.isConcurrentWith(early)).isFalse();
  }

  @Test
  void reversedSwapsBeforeAndAfterOnly() {
    assertThat(CausalOrder.BEFORE.reversed()).isEqualTo(CausalOrder.AFTER);
    assertThat(CausalOrder.AFTER.reversed()).isEqualTo(CausalOrder.BEFORE);
    assertThat(CausalOrder.EQUAL.reversed()).isEqualTo(CausalOrder.EQUAL);
    assertThat(CausalOrder.CONCURRENT.reversed()).isEqualTo(CausalOrder.CONCURRENT);
  }

  /**
   * n1 sends a to n2; n3 has a local event c; n2 receives a as event b, then sends to n3, which
   * receives it as event d. Expected: a before b before d, c before d, and c concurrent with a and
   * b.
   */
  @Test
  void threeNodeExchangeCapturesCausalityExactly() {
    VectorClock a = VectorClock.empty().tick("n1");
    VectorClock c = VectorClock.empty().tick("n3");
    VectorClock b = VectorClock.empty().receive("n2", a);
    VectorClock sendToN3 = b.tick("n2");
    VectorClock d = c.receive("n3", sendToN3);

    assertThat(a).hasToString("{n1=1}");
    assertThat(b).hasToString("{n1=1, n2=1}");
    assertThat(sendToN3).hasToString("{n1=1, n2=2}");
    assertThat(d).hasToString("{n1=1, n2=2, n3=2}");

    assertThat(a.compare(b)).isEqualTo(CausalOrder.BEFORE);
    assertThat(b.compare(d)).isEqualTo(CausalOrder.BEFORE);
    assertThat(a.compare(d)).isEqualTo(CausalOrder.BEFORE);
    assertThat(c.compare(d)).isEqualTo(CausalOrder.BEFORE);
    assertThat(d.compare(c)).isEqualTo(CausalOrder.AFTER);
    assertThat(c.compare(a)).isEqualTo(CausalOrder.CONCURRENT);
    assertThat(c.compare(b)).isEqualTo(CausalOrder.CONCURRENT);
  }

  @Test
  void equalsRejectsOtherTypes() {
    assertThat(clock("n1", 1)).isNotEqualTo("{n1=1}");
    assertThat(clock("n1", 1)).isNotEqualTo(null);
  }
}
