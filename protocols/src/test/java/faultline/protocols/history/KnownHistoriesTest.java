package faultline.protocols.history;

import static faultline.protocols.history.Histories.cas;
import static faultline.protocols.history.Histories.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.protocols.history.CheckResult.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small histories whose verdicts are known by hand: the classic anomalies (a stale read, a lost
 * write, a lost update through cas), operations with unknown outcomes that did and did not take
 * effect, failed operations, independent keys, the key-value model, and the search's limit.
 */
class KnownHistoriesTest {
  private static CheckResult register(Histories history) {
    return LinearizabilityChecker.check(history.build(), Model.register(), 100_000);
  }

  @Test
  void aReadOfTheLastCompletedWriteIsLinearizable() {
    CheckResult result =
        register(
            history()
                .invoke(0, "write", 1L)
                .ok(0, "write", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", 1L));
    assertThat(result.verdict()).isEqualTo(Verdict.LINEARIZABLE);
    assertThat(result.explanation()).startsWith("Linearizable");
  }

  @Test
  void aReadConcurrentWithAWriteMaySeeEitherValue() {
    for (long seen : new long[] {1L, 2L}) {
      CheckResult result =
          register(
              history()
                  .invoke(0, "write", 1L)
                  .ok(0, "write", 1L)
                  .invoke(0, "write", 2L)
                  .invoke(1, "read", null)
                  .ok(1, "read", seen)
                  .ok(0, "write", 2L));
      assertThat(result.verdict()).as("read %d", seen).isEqualTo(Verdict.LINEARIZABLE);
    }
  }

  @Test
  void aStaleReadIsNotLinearizableAndTheWitnessNamesIt() {
    CheckResult result =
        register(
            history()
                .invoke(0, "write", 1L)
                .ok(0, "write", 1L)
                .invoke(0, "write", 2L)
                .ok(0, "write", 2L)
                .invoke(1, "read", null)
                .ok(1, "read", 1L));
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(result.unplaceable()).extracting(Operation::f).containsExactly("read");
    assertThat(result.unplaceable().getFirst().output()).isEqualTo(1L);
    assertThat(result.longestPrefix()).extracting(Operation::input).containsExactly(1L, 2L);
    assertThat(result.explanation())
        .contains("process 1 read -> 1", "leaves the register at 2", "invoked at event 5");
  }

  @Test
  void aLostWriteIsNotLinearizable() {
    // Two concurrent writes both succeed; a reader then sees 2, and a later reader sees 1 again.
    CheckResult result =
        register(
            history()
                .invoke(0, "write", 1L)
                .invoke(1, "write", 2L)
                .ok(0, "write", 1L)
                .ok(1, "write", 2L)
                .invoke(2, "read", null)
                .ok(2, "read", 2L)
                .invoke(2, "read", null)
                .ok(2, "read", 1L));
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(result.unplaceable().getFirst().output()).isEqualTo(1L);
  }

  @Test
  void twoCasFromTheSameValueCannotBothSucceed() {
    Histories lostUpdate =
        history()
            .invoke(0, "write", 0L)
            .ok(0, "write", 0L)
            .invoke(1, "cas", cas(0, 1))
            .invoke(2, "cas", cas(0, 2))
            .ok(1, "cas", cas(0, 1))
            .ok(2, "cas", cas(0, 2));
    assertThat(register(lostUpdate).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void casChainsAreLinearizableInTheirOnlyOrder() {
    CheckResult result =
        register(
            history()
                .invoke(0, "write", 0L)
                .ok(0, "write", 0L)
                .invoke(2, "cas", cas(1, 2))
                .invoke(1, "cas", cas(0, 1))
                .ok(2, "cas", cas(1, 2))
                .ok(1, "cas", cas(0, 1))
                .invoke(0, "read", null)
                .ok(0, "read", 2L));
    assertThat(result.verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  /**
   * Two cas operations expect the same value and write values nobody reads. Only one of them can
   * take effect before the write of 7; the one that returns first must be that one. Linearizable as
   * write 1, cas 1->3, write 7, write 1, cas 1->2, whichever cas was invoked first.
   */
  @Test
  void unseenCasOperationsThatCompeteForOneValueAreTriedEitherWay() {
    for (boolean swapped : new boolean[] {false, true}) {
      Histories history = history().invoke(0, "write", 1L).ok(0, "write", 1L);
      if (swapped) {
        history.invoke(2, "cas", cas(1, 3)).invoke(1, "cas", cas(1, 2));
      } else {
        history.invoke(1, "cas", cas(1, 2)).invoke(2, "cas", cas(1, 3));
      }
      history
          .invoke(3, "write", 7L)
          .ok(3, "write", 7L)
          .ok(2, "cas", cas(1, 3))
          .invoke(0, "write", 1L)
          .ok(0, "write", 1L)
          .ok(1, "cas", cas(1, 2));
      assertThat(register(history).verdict())
          .as("invocations swapped: %s", swapped)
          .isEqualTo(Verdict.LINEARIZABLE);
    }
  }

  @Test
  void anUnknownWriteMayHaveTakenEffect() {
    CheckResult result =
        register(
            history()
                .invoke(0, "write", 1L)
                .info(0, "write", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", 1L));
    assertThat(result.verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void anUnknownWriteMayNeverHaveTakenEffect() {
    CheckResult result =
        register(
            history()
                .invoke(0, "write", 1L)
                .info(0, "write", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", null));
    assertThat(result.verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void anUnknownWriteTakesEffectOnlyAfterItsInvocation() {
    CheckResult result =
        register(
            history()
                .invoke(1, "read", null)
                .ok(1, "read", 1L)
                .invoke(0, "write", 1L)
                .info(0, "write", 1L));
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void anUnknownWriteTakesEffectOnceAtMost() {
    // Seen, then overwritten, then seen again: it would have to take effect twice.
    CheckResult result =
        register(
            history()
                .invoke(0, "write", 1L)
                .info(0, "write", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", 1L)
                .invoke(1, "write", 2L)
                .ok(1, "write", 2L)
                .invoke(1, "read", null)
                .ok(1, "read", 1L));
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void anInvocationNeverCompletedCountsAsUnknown() {
    CheckResult result =
        register(history().invoke(0, "write", 1L).invoke(1, "read", null).ok(1, "read", 1L));
    assertThat(result.verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void aFailedWriteNeverTookEffect() {
    Histories seen =
        history()
            .invoke(0, "write", 1L)
            .fail(0, "write", 1L)
            .invoke(1, "read", null)
            .ok(1, "read", 1L);
    Histories notSeen =
        history()
            .invoke(0, "write", 1L)
            .fail(0, "write", 1L)
            .invoke(1, "read", null)
            .ok(1, "read", null);
    assertThat(register(seen).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(register(notSeen).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void keysAreIndependentRegisters() {
    Histories history =
        history()
            .add(0, HistoryEvent.Type.INVOKE, "write", "x", 1L)
            .add(0, HistoryEvent.Type.OK, "write", "x", 1L)
            .add(1, HistoryEvent.Type.INVOKE, "read", "y", null)
            .add(1, HistoryEvent.Type.OK, "read", "y", null)
            .add(1, HistoryEvent.Type.INVOKE, "read", "x", null)
            .add(1, HistoryEvent.Type.OK, "read", "x", 1L);
    assertThat(register(history).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    history
        .add(2, HistoryEvent.Type.INVOKE, "read", "y", null)
        .add(2, HistoryEvent.Type.OK, "read", "y", 1L);
    CheckResult result = register(history);
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(result.key()).isEqualTo("y");
    assertThat(result.explanation()).contains("key \"y\"", "process 2 read y -> 1");
  }

  @Test
  void keyValueAppendsBuildTheString() {
    Histories history =
        history()
            .invoke(0, "put", "a")
            .ok(0, "put", "a")
            .invoke(0, "append", "b")
            .invoke(1, "append", "c")
            .ok(0, "append", "b")
            .ok(1, "append", "c");
    List<HistoryEvent> thenAcb =
        history
            .add(2, HistoryEvent.Type.INVOKE, "get", null, null)
            .add(2, HistoryEvent.Type.OK, "get", null, "acb")
            .build();
    assertThat(LinearizabilityChecker.check(thenAcb, Model.kv(), 1000).verdict())
        .isEqualTo(Verdict.LINEARIZABLE);
    List<HistoryEvent> thenBa =
        history
            .add(2, HistoryEvent.Type.INVOKE, "get", null, null)
            .add(2, HistoryEvent.Type.OK, "get", null, "ab")
            .build();
    CheckResult result = LinearizabilityChecker.check(thenBa, Model.kv(), 1000);
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    // The get that returned "ab" is the one to blame: it came after the one that saw "acb".
    assertThat(result.unplaceable()).extracting(Operation::output).containsExactly("ab");
    assertThat(result.explanation()).contains("needs the kv at \"ab\"");
  }

  @Test
  void theSearchGivesUpAtItsLimitAndSaysSo() {
    Histories history =
        history()
            .invoke(0, "write", 1L)
            .ok(0, "write", 1L)
            .invoke(0, "write", 2L)
            .ok(0, "write", 2L)
            .invoke(1, "read", null)
            .ok(1, "read", 2L);
    CheckResult starved = LinearizabilityChecker.check(history.build(), Model.register(), 1);
    assertThat(starved.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(starved.explanation()).contains("gave up after 1 state ");
    assertThat(starved.statesExplored()).isEqualTo(1);
    assertThat(LinearizabilityChecker.check(history.build(), Model.register(), 10).verdict())
        .isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void progressEndsAtTheStatesTheResultReports() {
    Histories history =
        history()
            .invoke(0, "write", 1L)
            .invoke(1, "write", 2L)
            .ok(0, "write", 1L)
            .ok(1, "write", 2L)
            .invoke(2, "read", null)
            .ok(2, "read", 1L);
    SearchProgress progress = new SearchProgress();
    CheckResult result =
        LinearizabilityChecker.check(history.build(), Model.register(), 1_000, progress);
    assertThat(result.verdict()).isEqualTo(Verdict.LINEARIZABLE);
    assertThat(progress.statesExplored()).isEqualTo(result.statesExplored()).isPositive();
    assertThat(progress.keyOperations()).isEqualTo(3);
  }

  @Test
  void malformedHistoriesAreRefused() {
    assertThatThrownBy(() -> register(history().invoke(0, "write", 1L).invoke(0, "write", 2L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outstanding");
    assertThatThrownBy(() -> register(history().ok(0, "write", 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never invoked");
    assertThatThrownBy(() -> register(history().invoke(0, "get", null).ok(0, "get", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model register has no operation get");
  }
}
