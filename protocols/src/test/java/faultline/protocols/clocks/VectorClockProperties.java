package faultline.protocols.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of {@link VectorClock} over random clocks, and a check of {@link VectorClock#compare}
 * against a naive model.
 *
 * <p>Clocks are drawn over four nodes with counters 0 to 3, so that random pairs are often equal or
 * ordered rather than almost always concurrent; zero counters are included on purpose, to check
 * that they behave like missing entries. Laws that need an ordered pair (transitivity, ticks) build
 * one instead of hoping to draw it.
 */
class VectorClockProperties {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4");

  @Provide
  Arbitrary<VectorClock> clocks() {
    return Arbitraries.maps(Arbitraries.of(NODES), Arbitraries.longs().between(0, 3))
        .ofMaxSize(NODES.size())
        .map(VectorClock::of);
  }

  @Provide
  Arbitrary<String> nodes() {
    return Arbitraries.of(NODES);
  }

  /**
   * The model: compare every node in either clock, reading a missing entry as 0, and decide from
   * "all less or equal" and "all greater or equal" alone.
   */
  private static CausalOrder naiveCompare(VectorClock left, VectorClock right) {
    SortedSet<String> union = new TreeSet<>(left.entries().keySet());
    union.addAll(right.entries().keySet());
    boolean allLessOrEqual = true;
    boolean allGreaterOrEqual = true;
    for (String node : union) {
      long leftCounter = left.entries().getOrDefault(node, 0L);
      long rightCounter = right.entries().getOrDefault(node, 0L);
      allLessOrEqual &= leftCounter <= rightCounter;
      allGreaterOrEqual &= leftCounter >= rightCounter;
    }
    if (allLessOrEqual && allGreaterOrEqual) {
      return CausalOrder.EQUAL;
    }
    if (allLessOrEqual) {
      return CausalOrder.BEFORE;
    }
    return allGreaterOrEqual ? CausalOrder.AFTER : CausalOrder.CONCURRENT;
  }

  /** Also fails if the generator stops producing some outcome often enough to test it. */
  @Property
  void compareMatchesTheNaiveModel(
      @ForAll("clocks") VectorClock left, @ForAll("clocks") VectorClock right) {
    CausalOrder order = left.compare(right);
    assertThat(order).isEqualTo(naiveCompare(left, right));
    Statistics.collect(order);
    Statistics.coverage(
        coverage -> {
          for (CausalOrder outcome : CausalOrder.values()) {
            coverage.check(outcome).percentage(percent -> percent >= 2);
          }
        });
  }

  @Property
  void compareIsAntisymmetric(
      @ForAll("clocks") VectorClock left, @ForAll("clocks") VectorClock right) {
    CausalOrder order = left.compare(right);
    assertThat(right.compare(left)).isEqualTo(order.reversed());
    assertThat(order == CausalOrder.BEFORE).isEqualTo(right.compare(left) == CausalOrder.AFTER);
    assertThat(order == CausalOrder.CONCURRENT)
        .isEqualTo(right.compare(left) == CausalOrder.CONCURRENT);
  }

  @Property
  void equalIffEquals(@ForAll("clocks") VectorClock left, @ForAll("clocks") VectorClock right) {
    boolean equal = left.compare(right) == CausalOrder.EQUAL;
    assertThat(equal).isEqualTo(left.equals(right));
    if (equal) {
      assertThat(left.hashCode()).isEqualTo(right.hashCode());
      assertThat(left.toString()).isEqualTo(right.toString());
    }
  }

  @Property
  void compareWithItselfIsEqual(@ForAll("clocks") VectorClock clock) {
    assertThat(clock.compare(clock)).isEqualTo(CausalOrder.EQUAL);
    assertThat(clock.happenedBefore(clock)).isFalse();
    assertThat(clock.isConcurrentWith(clock)).isFalse();
  }

  @Property
  void predicatesAgreeWithCompare(
      @ForAll("clocks") VectorClock left, @ForAll("clocks") VectorClock right) {
    CausalOrder order = left.compare(right);
    assertThat(left.happenedBefore(right)).isEqualTo(order == CausalOrder.BEFORE);
    assertThat(left.isConcurrentWith(right)).isEqualTo(order == CausalOrder.CONCURRENT);
  }

  @Property
  void beforeIsTransitiveOnDrawnTriples(
      @ForAll("clocks") VectorClock a,
      @ForAll("clocks") VectorClock b,
      @ForAll("clocks") VectorClock c) {
    if (a.happenedBefore(b) && b.happenedBefore(c)) {
      assertThat(a.happenedBefore(c)).isTrue();
    }
  }

  /** Builds a chain a &lt; b &lt; c by growing each clock from the last, then checks a &lt; c. */
  @Property
  void beforeIsTransitiveOnBuiltChains(
      @ForAll("clocks") VectorClock a,
      @ForAll("clocks") VectorClock growthAb,
      @ForAll("nodes") String tickerAb,
      @ForAll("clocks") VectorClock growthBc,
      @ForAll("nodes") String tickerBc) {
    VectorClock b = a.merge(growthAb).tick(tickerAb);
    VectorClock c = b.merge(growthBc).tick(tickerBc);
    assertThat(a.compare(b)).isEqualTo(CausalOrder.BEFORE);
    assertThat(b.compare(c)).isEqualTo(CausalOrder.BEFORE);
    assertThat(a.compare(c)).isEqualTo(CausalOrder.BEFORE);
    assertThat(c.compare(a)).isEqualTo(CausalOrder.AFTER);
  }

  @Property
  void mergeIsCommutative(@ForAll("clocks") VectorClock left, @ForAll("clocks") VectorClock right) {
    assertThat(left.merge(right)).isEqualTo(right.merge(left));
  }

  @Property
  void mergeIsAssociative(
      @ForAll("clocks") VectorClock a,
      @ForAll("clocks") VectorClock b,
      @ForAll("clocks") VectorClock c) {
    assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
  }

  @Property
  void mergeIsIdempotent(@ForAll("clocks") VectorClock clock) {
    assertThat(clock.merge(clock)).isEqualTo(clock);
    assertThat(clock.merge(VectorClock.empty())).isEqualTo(clock);
  }

  /** The merge is an upper bound of both, and the least one: every entry comes from one side. */
  @Property
  void mergeIsTheLeastUpperBound(
      @ForAll("clocks") VectorClock left, @ForAll("clocks") VectorClock right) {
    VectorClock merged = left.merge(right);
    assertThat(left.compare(merged)).isIn(CausalOrder.BEFORE, CausalOrder.EQUAL);
    assertThat(right.compare(merged)).isIn(CausalOrder.BEFORE, CausalOrder.EQUAL);
    for (Map.Entry<String, Long> entry : merged.entries().entrySet()) {
      assertThat(entry.getValue())
          .isEqualTo(Math.max(left.get(entry.getKey()), right.get(entry.getKey())));
    }
  }

  @Property
  void mergeOfOrderedClocksIsTheLaterOne(
      @ForAll("clocks") VectorClock left, @ForAll("clocks") VectorClock right) {
    switch (left.compare(right)) {
      case BEFORE, EQUAL -> assertThat(left.merge(right)).isEqualTo(right);
      case AFTER -> assertThat(left.merge(right)).isEqualTo(left);
      case CONCURRENT -> {
        // Concurrent clocks merge into a clock strictly later than both.
        assertThat(left.compare(left.merge(right))).isEqualTo(CausalOrder.BEFORE);
        assertThat(right.compare(left.merge(right))).isEqualTo(CausalOrder.BEFORE);
      }
    }
  }

  @Property
  void tickMakesAStrictlyLaterClock(
      @ForAll("clocks") VectorClock clock, @ForAll("nodes") String node) {
    VectorClock ticked = clock.tick(node);
    assertThat(clock.compare(ticked)).isEqualTo(CausalOrder.BEFORE);
    assertThat(ticked.compare(clock)).isEqualTo(CausalOrder.AFTER);
    assertThat(ticked.get(node)).isEqualTo(clock.get(node) + 1);
    for (String other : NODES) {
      if (!other.equals(node)) {
        assertThat(ticked.get(other)).isEqualTo(clock.get(other));
      }
    }
  }

  @Property
  void receiveIsLaterThanBothSides(
      @ForAll("clocks") VectorClock local,
      @ForAll("clocks") VectorClock remote,
      @ForAll("nodes") String self) {
    VectorClock received = local.receive(self, remote);
    assertThat(local.happenedBefore(received)).isTrue();
    assertThat(remote.happenedBefore(received)).isTrue();
    assertThat(received).isEqualTo(local.merge(remote).tick(self));
  }

  @Property
  void entriesHaveNoZerosAndAreSorted(@ForAll("clocks") VectorClock clock) {
    assertThat(clock.entries().values()).allSatisfy(counter -> assertThat(counter).isPositive());
    assertThat(List.copyOf(clock.entries().keySet())).isSorted();
    assertThat(VectorClock.of(clock.entries())).isEqualTo(clock);
  }
}
