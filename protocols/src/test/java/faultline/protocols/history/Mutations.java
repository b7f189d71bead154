package faultline.protocols.history;

import java.util.ArrayList;
import java.util.List;

/** Ways to break a history that was linearizable. */
public final class Mutations {
  private Mutations() {}

  /**
   * Makes one read return a value that had certainly been overwritten before the read began: a
   * write that completed, then another write invoked after it and completed before the read was
   * invoked. Returns null when the history has no such read at or after {@code fromEvent}.
   */
  public static List<HistoryEvent> staleRead(List<HistoryEvent> history, int fromEvent) {
    List<Operation> operations = OperationPairing.pair(history);
    for (Operation read : operations) {
      if (!read.f().equals("read") || !read.completed() || read.invokeIndex() < fromEvent) {
        continue;
      }
      Operation newer = latestWriteBefore(operations, read.invokeIndex(), read.key());
      Operation older =
          newer == null ? null : latestWriteBefore(operations, newer.invokeIndex(), read.key());
      if (older != null && !older.input().equals(read.output())) {
        return withResult(history, read.completeIndex(), older.input());
      }
    }
    return null;
  }

  /** The completed write of {@code key} that completed last before event {@code index}. */
  private static Operation latestWriteBefore(List<Operation> operations, int index, String key) {
    Operation latest = null;
    for (Operation operation : operations) {
      if (operation.f().equals("write")
          && operation.completed()
          && java.util.Objects.equals(operation.key(), key)
          && operation.completeIndex() < index
          && (latest == null || operation.completeIndex() > latest.completeIndex())) {
        latest = operation;
      }
    }
    return latest;
  }

  /** The history with the value of event {@code index} replaced. */
  static List<HistoryEvent> withResult(List<HistoryEvent> history, int index, Object value) {
    List<HistoryEvent> mutated = new ArrayList<>(history);
    HistoryEvent event = history.get(index);
    mutated.set(
        index,
        new HistoryEvent(
            event.process(), event.type(), event.f(), event.key(), value, event.timeNanos()));
    return mutated;
  }

  /** The history with the completion at {@code index} turned into {@code type}. */
  static List<HistoryEvent> withType(
      List<HistoryEvent> history, int index, HistoryEvent.Type type) {
    List<HistoryEvent> mutated = new ArrayList<>(history);
    HistoryEvent event = history.get(index);
    mutated.set(
        index,
        new HistoryEvent(
            event.process(), type, event.f(), event.key(), event.value(), event.timeNanos()));
    return mutated;
  }
}
