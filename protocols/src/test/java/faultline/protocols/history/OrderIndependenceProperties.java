package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The verdict depends on real-time order only: invocations that follow one another with no
 * completion in between are concurrent, and so are completions with no invocation in between, so
 * permuting such a run of lines describes the same history. A search whose shortcuts depend on
 * which of two concurrent operations was written first fails this. {@link
 * OrderIndependenceSweepTest} checks the same over a fixed set of seeds.
 */
class OrderIndependenceProperties {
  @Property(tries = 8_000)
  void permutingConcurrentLinesKeepsTheVerdict(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 8) int processes,
      @ForAll @IntRange(min = 2, max = 3) int domain,
      @ForAll boolean mutate) {
    List<HistoryEvent> history =
        InterleavedRegisterHistories.generate(seed, processes, domain, 16, mutate);
    CheckResult.Verdict original =
        LinearizabilityChecker.check(history, Model.register(), 1_000_000).verdict();
    // Every run reversed (so two concurrent lines are tried in both orders), then a few shuffles.
    List<List<HistoryEvent>> variants = new ArrayList<>();
    variants.add(reverseConcurrentRuns(history));
    SimRandom random = new SimRandom(~seed);
    for (int i = 0; i < 3; i++) {
      variants.add(permuteConcurrentRuns(history, random));
    }
    for (List<HistoryEvent> permuted : variants) {
      assertThat(LinearizabilityChecker.check(permuted, Model.register(), 1_000_000).verdict())
          .as("seed %d: %s permuted to %s", seed, history, permuted)
          .isEqualTo(original);
    }
  }

  /** Reverses each maximal run of invocations, and each maximal run of completions. */
  static List<HistoryEvent> reverseConcurrentRuns(List<HistoryEvent> history) {
    List<HistoryEvent> result = new ArrayList<>();
    int start = 0;
    while (start < history.size()) {
      int end = runEnd(history, start);
      List<HistoryEvent> run = new ArrayList<>(history.subList(start, end));
      java.util.Collections.reverse(run);
      result.addAll(run);
      start = end;
    }
    return result;
  }

  private static int runEnd(List<HistoryEvent> history, int start) {
    boolean invoke = history.get(start).type() == HistoryEvent.Type.INVOKE;
    int end = start;
    while (end < history.size()
        && (history.get(end).type() == HistoryEvent.Type.INVOKE) == invoke) {
      end++;
    }
    return end;
  }

  /** Shuffles each maximal run of invocations, and each maximal run of completions. */
  static List<HistoryEvent> permuteConcurrentRuns(List<HistoryEvent> history, SimRandom random) {
    List<HistoryEvent> result = new ArrayList<>();
    int start = 0;
    while (start < history.size()) {
      int end = runEnd(history, start);
      List<HistoryEvent> run = new ArrayList<>(history.subList(start, end));
      for (int i = run.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        HistoryEvent swapped = run.get(i);
        run.set(i, run.get(j));
        run.set(j, swapped);
      }
      result.addAll(run);
      start = end;
    }
    return result;
  }
}
