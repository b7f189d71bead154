package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.random.SimRandom;
import faultline.protocols.history.CheckResult.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Histories of a simulated atomic register with concurrent clients: linearizable by construction,
 * so the checker must always accept them; broken on purpose, so it must reject them exactly when
 * linearizability by definition (the brute-force checker) does.
 */
class SimulatedRegisterTest {
  @Test
  void historiesOfAnAtomicRegisterAreLinearizable() {
    for (long seed = 1; seed <= 300; seed++) {
      int clients = 1 + (int) (seed % 12);
      List<HistoryEvent> history =
          RegisterSimulation.generate(RegisterSimulation.Shape.small(clients, 200), seed);
      CheckResult result = LinearizabilityChecker.check(history, Model.register(), 1_000_000);
      assertThat(result.verdict())
          .as("seed %d: %s", seed, result.explanation())
          .isEqualTo(Verdict.LINEARIZABLE);
    }
  }

  @Test
  void historiesOverManyKeysAreLinearizable() {
    for (long seed = 1; seed <= 50; seed++) {
      RegisterSimulation.Shape shape = new RegisterSimulation.Shape(8, 400, 5, 100, 60, 40, 20, 10);
      List<HistoryEvent> history = RegisterSimulation.generate(shape, seed);
      assertThat(LinearizabilityChecker.check(history, Model.register(), 1_000_000).verdict())
          .as("seed %d", seed)
          .isEqualTo(Verdict.LINEARIZABLE);
    }
  }

  @Test
  void mutatedSmallHistoriesFailExactlyWhenBruteForceSaysSo() {
    int rejected = 0;
    for (long seed = 1; seed <= 1500; seed++) {
      List<HistoryEvent> history =
          RegisterSimulation.generate(RegisterSimulation.Shape.small(3, 7), seed);
      List<HistoryEvent> mutated = mutate(history, new SimRandom(~seed));
      boolean expected = BruteForceChecker.isLinearizable(mutated, Model.register());
      CheckResult result = LinearizabilityChecker.check(mutated, Model.register(), 1_000_000);
      assertThat(result.verdict())
          .as("seed %d: %s", seed, mutated)
          .isEqualTo(expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE);
      rejected += expected ? 0 : 1;
    }
    assertThat(rejected).as("mutations that broke linearizability").isGreaterThan(200);
  }

  /** Changes one completion: its value (to another written one) or its type. */
  private static List<HistoryEvent> mutate(List<HistoryEvent> history, SimRandom random) {
    List<Integer> completions = new java.util.ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      if (history.get(i).type() != HistoryEvent.Type.INVOKE) {
        completions.add(i);
      }
    }
    int index = completions.get(random.nextInt(completions.size()));
    HistoryEvent event = history.get(index);
    return switch (random.nextInt(3)) {
      case 0 ->
          event.f().equals("read")
              ? Mutations.withResult(history, index, (Object) (1L + random.nextInt(7)))
              : Mutations.withType(history, index, HistoryEvent.Type.FAIL);
      case 1 -> Mutations.withType(history, index, HistoryEvent.Type.OK);
      default -> Mutations.withType(history, index, HistoryEvent.Type.INFO);
    };
  }
}
