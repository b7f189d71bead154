package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.protocols.history.HistoryEvent.Type;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Pairing by process, whatever the process numbers: each completion meets its own invocation. */
class OperationPairingTest {
  private static HistoryEvent event(int process, Type type, String f, Object value) {
    return new HistoryEvent(process, type, f, null, value, 0);
  }

  @Test
  void interleavedProcessesWithSparseNumbersPairInInvocationOrder() {
    int far = 2_000_000_000; // Numbers from a file need not be small or dense.
    List<HistoryEvent> history =
        List.of(
            event(far, Type.INVOKE, "write", 1L), // 0
            event(7, Type.INVOKE, "read", null), // 1
            event(0, Type.INVOKE, "write", 2L), // 2
            event(7, Type.OK, "read", 1L), // 3
            event(far, Type.INFO, "write", null), // 4
            event(0, Type.FAIL, "write", null), // 5: dropped
            event(7, Type.INVOKE, "write", 3L), // 6: still outstanding at the end
            event(0, Type.INVOKE, "read", null), // 7
            event(0, Type.OK, "read", 1L)); // 8

    List<Operation> operations = OperationPairing.pair(history);

    assertThat(operations)
        .containsExactly(
            new Operation(far, "write", null, 1L, null, false, 0, Integer.MAX_VALUE),
            new Operation(7, "read", null, null, 1L, true, 1, 3),
            new Operation(7, "write", null, 3L, null, false, 6, Integer.MAX_VALUE),
            new Operation(0, "read", null, null, 1L, true, 7, 8));
  }

  @Test
  void aSecondInvocationOrAnUnknownCompletionIsRefusedWithItsPlace() {
    assertThatThrownBy(
            () ->
                OperationPairing.pair(
                    List.of(
                        event(3, Type.INVOKE, "read", null),
                        event(9, Type.INVOKE, "read", null),
                        event(3, Type.INVOKE, "write", 1L))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event 2: process 3 invokes write while its event 0 is outstanding");
    assertThatThrownBy(
            () ->
                OperationPairing.pair(
                    List.of(event(3, Type.INVOKE, "read", null), event(4, Type.OK, "read", 1L))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event 1: process 4 completes read, which it never invoked");
  }

  /**
   * Small process numbers are kept at their own number, large ones by rank: the same history pairs
   * alike either way. Each process p is renumbered to one of two billion above p (the order of the
   * processes kept), which forces the ranks.
   */
  @Property(tries = 500)
  void smallAndLargeProcessNumbersPairAlike(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int processes) {
    List<HistoryEvent> small = InterleavedRegisterHistories.generate(seed, processes, 3, 16, false);
    List<HistoryEvent> large =
        small.stream()
            .map(
                e ->
                    new HistoryEvent(
                        2_000_000_000 + e.process(), e.type(), e.f(), e.key(), e.value(), 0))
            .toList();

    List<Operation> fromLarge = OperationPairing.pair(large);

    assertThat(fromLarge)
        .isEqualTo(
            OperationPairing.pair(small).stream()
                .map(
                    o ->
                        new Operation(
                            2_000_000_000 + o.process(),
                            o.f(),
                            o.key(),
                            o.input(),
                            o.output(),
                            o.completed(),
                            o.invokeIndex(),
                            o.completeIndex()))
                .toList());
  }
}
