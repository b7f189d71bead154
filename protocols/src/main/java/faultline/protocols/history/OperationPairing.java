package faultline.protocols.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairs each invocation with the completion of the same process, Jepsen style. {@code fail}
 * operations are dropped (they certainly did not take effect); {@code info} operations and
 * invocations still outstanding at the end of the history have an unknown outcome.
 */
final class OperationPairing {
  private OperationPairing() {}

  /**
   * The operations of {@code history}, in invocation order.
   *
   * @throws IllegalArgumentException when a process invokes twice without completing, or completes
   *     an operation it never invoked (the command line's parser reports these with a location)
   */
  static List<Operation> pair(List<HistoryEvent> history) {
    Map<Integer, Integer> outstanding = new TreeMap<>();
    Operation[] byInvoke = new Operation[history.size()];
    for (int index = 0; index < history.size(); index++) {
      HistoryEvent event = history.get(index);
      Integer invokeIndex = outstanding.get(event.process());
      if (event.type() == HistoryEvent.Type.INVOKE) {
        if (invokeIndex != null) {
          throw new IllegalArgumentException(
              "event %d: process %d invokes %s while its event %d is outstanding"
                  .formatted(index, event.process(), event.f(), invokeIndex));
        }
        outstanding.put(event.process(), index);
        continue;
      }
      if (invokeIndex == null) {
        throw new IllegalArgumentException(
            "event %d: process %d completes %s, which it never invoked"
                .formatted(index, event.process(), event.f()));
      }
      outstanding.remove(event.process());
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
    for (int invokeIndex : outstanding.values()) {
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
}
