package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The checker against linearizability by definition ({@link BruteForceChecker}): on random small
 * histories both must give the same verdict. This is what keeps the search's reductions honest:
 * each of them (reads placed at once, unseen writes hoisted, lost states cut, unreachable reads
 * cut) would show up here as a verdict that differs.
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

  /**
   * Histories of up to eight processes interleaved on a real register (mostly linearizable, the
   * rest one mutation away), with two or three values and fresh ones, competing cas operations,
   * {@code info} completions and crashed processes: where the search's reductions interact.
   */
  @Property(tries = 100_000)
  void checkerAgreesWithBruteForceOnInterleavedHistories(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 8) int processes,
      @ForAll @IntRange(min = 2, max = 3) int domain,
      @ForAll boolean mutate) {
    agree(
        InterleavedRegisterHistories.generate(seed, processes, domain, 16, mutate),
        Model.register(),
        seed);
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
