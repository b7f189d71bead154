package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
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
}
