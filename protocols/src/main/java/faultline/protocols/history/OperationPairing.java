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
    ProcessPlaces places = ProcessPlaces.of(history);
    int[] outstanding =
        new int[places.count()]; // Each process's invocation, NONE when it has none.
    Arrays.fill(outstanding, NONE);
    Operation[] byInvoke = new Operation[history.size()];
    for (int index = 0; index < history.size(); index++) {
      HistoryEvent event = history.get(index);
      int slot = places.of(event.process());
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

  /**
   * Where each process's outstanding invocation is kept: at the process's own number when the
   * numbers are small, as a run's are (numbered from 0, a few per client); else at its rank among
   * the history's distinct processes, as a file's numbers need not be small. A map from boxed
   * process to boxed index cost two boxes and a tree node per operation, and a binary search of the
   * distinct processes per event was 8% of the workload's check (its branches taken at random).
   */
  private static final class ProcessPlaces {
    private final int[] sorted; // The distinct processes, ascending; null when numbers are places.
    private final int count;

    private ProcessPlaces(int[] sorted, int count) {
      this.sorted = sorted;
      this.count = count;
    }

    static ProcessPlaces of(List<HistoryEvent> history) {
      int highest = -1;
      for (int index = 0; index < history.size(); index++) {
        highest = Math.max(highest, history.get(index).process());
      }
      // A table no larger than a few slots per event: memory stays proportional to the history.
      if (highest < 4L * history.size() + 64) {
        return new ProcessPlaces(null, highest + 1);
      }
      int[] sorted = processesOf(history);
      return new ProcessPlaces(sorted, sorted.length);
    }

    int of(int process) {
      return sorted == null ? process : Arrays.binarySearch(sorted, process);
    }

    int count() {
      return count;
    }
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
