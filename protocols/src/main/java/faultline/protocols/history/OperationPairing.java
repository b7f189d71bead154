package faultline.protocols.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pairs each invocation with the completion of the same process, Jepsen style. {@code fail}
 * operations are dropped (they certainly did not take effect); {@code info} operations and
 * invocations still outstanding at the end of the history have an unknown outcome.
 */
final class OperationPairing {
  private static final int NONE = -1;

  private OperationPairing() {}

  /**
   * The operations of {@code history}, in invocation order.
   *
   * @throws IllegalArgumentException when a process invokes twice without completing, or completes
   *     an operation it never invoked (the command line's parser reports these with a location)
   */
  static List<Operation> pair(List<HistoryEvent> history) {
    // Each process's outstanding invocation by the process's place among the history's processes,
    // NONE when it has none: a map from boxed process to boxed index cost two boxes and a tree
    // node per operation.
    int[] processes = processesOf(history);
    int[] outstanding = new int[processes.length];
    Arrays.fill(outstanding, NONE);
    Operation[] byInvoke = new Operation[history.size()];
    for (int index = 0; index < history.size(); index++) {
      HistoryEvent event = history.get(index);
      int slot = Arrays.binarySearch(processes, event.process());
      int invokeIndex = outstanding[slot];
      if (event.type() == HistoryEvent.Type.INVOKE) {
        if (invokeIndex != NONE) {
          throw new IllegalArgumentException(
              "event %d: process %d invokes %s while its event %d is outstanding"
                  .formatted(index, event.process(), event.f(), invokeIndex));
        }
        outstanding[slot] = index;
        continue;
      }
      if (invokeIndex == NONE) {
        throw new IllegalArgumentException(
            "event %d: process %d completes %s, which it never invoked"
                .formatted(index, event.process(), event.f()));
      }
      outstanding[slot] = NONE;
      HistoryEvent invoke = history.get(invokeIndex);
      if (!invoke.f().equals(event.f())) {
        throw new IllegalArgumentException(
            "event %d: process %d completes %s, but invoked %s"
                .formatted(index, event.process(), event.f(), invoke.f()));
      }
      if (event.type() == HistoryEvent.Type.FAIL) {
        continue;
      }
      boolean ok = event.type() == HistoryEvent.Type.OK;
      byInvoke[invokeIndex] =
          new Operation(
              event.process(),
              invoke.f(),
              invoke.key(),
              invoke.value(),
              ok ? event.value() : null,
              ok,
              invokeIndex,
              ok ? index : Integer.MAX_VALUE);
    }
    for (int invokeIndex : outstanding) {
      if (invokeIndex == NONE) {
        continue;
      }
      HistoryEvent invoke = history.get(invokeIndex);
      byInvoke[invokeIndex] =
          new Operation(
              invoke.process(),
              invoke.f(),
              invoke.key(),
              invoke.value(),
              null,
              false,
              invokeIndex,
              Integer.MAX_VALUE);
    }
    List<Operation> operations = new ArrayList<>();
    for (Operation operation : byInvoke) {
      if (operation != null) {
        operations.add(operation);
      }
    }
    return operations;
  }

  /** The distinct processes of {@code history}, ascending. */
  private static int[] processesOf(List<HistoryEvent> history) {
    int[] processes = new int[8];
    int distinct = 0;
    for (int index = 0; index < history.size(); index++) {
      int process = history.get(index).process();
      int at = Arrays.binarySearch(processes, 0, distinct, process);
      if (at < 0) { // A process not seen before: rare, a history has few processes.
        at = -at - 1;
        if (distinct == processes.length) {
          processes = Arrays.copyOf(processes, distinct * 2);
        }
        System.arraycopy(processes, at, processes, at + 1, distinct - at);
        processes[at] = process;
        distinct++;
      }
    }
    return Arrays.copyOf(processes, distinct);
  }
}
