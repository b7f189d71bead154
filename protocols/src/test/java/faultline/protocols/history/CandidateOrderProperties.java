package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link LinearizationSearch#sortKey} against the comparator of (rank, completeIndex, operation)
 * triples that it replaced: two keys compare as their triples do, including at the extremes (an
 * unknown outcome's completeIndex is {@code Integer.MAX_VALUE}).
 */
class CandidateOrderProperties {
  private static final Comparator<int[]> TRIPLES =
      Comparator.<int[]>comparingInt(t -> t[0])
          .thenComparingInt(t -> t[1])
          .thenComparingInt(t -> t[2]);

  @Property(tries = 2000)
  void keysSortAsTheirTriples(
      @ForAll @IntRange(min = 0, max = 2) int rankA,
      @ForAll @IntRange(min = 0) int completeA,
      @ForAll @IntRange(min = 0) int operationA,
      @ForAll @IntRange(min = 0, max = 2) int rankB,
      @ForAll @IntRange(min = 0) int completeB,
      @ForAll @IntRange(min = 0) int operationB) {
    int byTriples =
        Integer.signum(
            TRIPLES.compare(
                new int[] {rankA, completeA, operationA},
                new int[] {rankB, completeB, operationB}));
    long keyA = LinearizationSearch.sortKey(rankA, completeA, operationA);
    long keyB = LinearizationSearch.sortKey(rankB, completeB, operationB);
    assertThat(Integer.signum(Long.compare(keyA, keyB))).isEqualTo(byTriples);
    assertThat((int) (keyA & Integer.MAX_VALUE)).isEqualTo(operationA);
  }

  /**
   * {@link LinearizationSearch#sortNearlySorted} sorts as {@link Arrays#sort} does: arrays in order
   * but for a few displaced keys, as return orders are, and arrays in no order at all, with
   * repeats.
   */
  @Property(tries = 2000)
  void insertionSortsAsArraysSort(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int length,
      @ForAll @IntRange(min = 0, max = 20) int displaced,
      @ForAll boolean shuffled) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] keys = new long[length + 5];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = shuffled ? random.nextLong(-50, 50) : 3L * i;
    }
    for (int d = 0; d < displaced && length > 0; d++) {
      keys[random.nextInt(length)] = random.nextLong(0, 3L * length + 1);
    }
    long[] expected = keys.clone();
    Arrays.sort(expected, 0, length);

    LinearizationSearch.sortNearlySorted(keys, length);

    assertThat(keys).containsExactly(expected); // The keys past length untouched.
  }
}
