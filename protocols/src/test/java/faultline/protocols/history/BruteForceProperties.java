package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The checker against linearizability by definition ({@link BruteForceChecker}): on random small
 * register histories, with repeated values, unknown and failed outcomes and one or two keys, both
 * must give the same verdict. This is what keeps the search's reductions honest: each of them
 * (reads placed at once, unseen writes hoisted, lost states cut) would show up here as a verdict
 * that differs.
 */
class BruteForceProperties {
  @Property(tries = 4000)
  void checkerAgreesWithBruteForce(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int processes) {
    agree(Histories.randomRegister(seed, processes, 7), Model.register(), seed);
  }

  @Property(tries = 4000)
  void checkerAgreesWithBruteForceWhenWrittenValuesAreDistinct(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int processes) {
    agree(Histories.randomUniqueRegister(seed, processes, 8), Model.register(), seed);
  }

  @Property(tries = 2000)
  void checkerAgreesWithBruteForceOnKeyValueHistories(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int processes) {
    agree(Histories.randomKeyValue(seed, processes, 7), Model.kv(), seed);
  }

  private static void agree(List<HistoryEvent> history, Model model, long seed) {
    boolean expected = BruteForceChecker.isLinearizable(history, model);
    CheckResult result = LinearizabilityChecker.check(history, model, 1_000_000);
    Statistics.collect(expected ? "linearizable" : "not linearizable");
    assertThat(result.verdict())
        .as("seed %d, history %s", seed, history)
        .isEqualTo(
            expected ? CheckResult.Verdict.LINEARIZABLE : CheckResult.Verdict.NOT_LINEARIZABLE);
  }
}
