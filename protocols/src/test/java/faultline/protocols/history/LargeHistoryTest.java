package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.protocols.history.CheckResult.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 10,000 operations of 50 concurrent clients on one register: the size the checker must decide in
 * seconds. The test asserts the verdicts only and prints the time, so a slow CI machine never fails
 * it; the state budget bounds both time and memory.
 */
class LargeHistoryTest {
  private static final int CLIENTS = 50;
  private static final int OPERATIONS = 10_000;
  private static final long STATES_MAX = 2_000_000;

  @Test
  void aLinearizableHistoryIsAccepted() {
    List<HistoryEvent> history = generate(7);
    CheckResult result = timed("linearizable", history);
    assertThat(result.verdict()).as(result.explanation()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void aStaleReadLateInTheHistoryIsFound() {
    List<HistoryEvent> history = Mutations.staleRead(generate(8), 2 * OPERATIONS * 9 / 10);
    assertThat(history).isNotNull();
    CheckResult result = timed("stale read", history);
    assertThat(result.verdict()).as(result.explanation()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(result.unplaceable()).isNotEmpty();
    assertThat(result.longestPrefix().size()).isGreaterThan(OPERATIONS / 2);
  }

  private static List<HistoryEvent> generate(long seed) {
    return RegisterSimulation.generate(RegisterSimulation.Shape.large(CLIENTS, OPERATIONS), seed);
  }

  private static CheckResult timed(String name, List<HistoryEvent> history) {
    long startNanos = System.nanoTime();
    CheckResult result = LinearizabilityChecker.check(history, Model.register(), STATES_MAX);
    long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
    System.out.printf(
        "%d operations, %d clients, %s: %s in %d ms, %d states%n",
        OPERATIONS, CLIENTS, name, result.verdict(), elapsedMillis, result.statesExplored());
    return result;
  }
}
