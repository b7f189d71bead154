package faultline.protocols.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Linearizability by its definition, for small histories: is there a subset of the operations,
 * holding every completed one and any of those whose outcome is unknown, and an order of it that
 * respects real time (an operation that completed before another was invoked comes first) and that
 * the model accepts when run one operation at a time? Every such order is tried, extending a prefix
 * only while the model accepts it, with no memo and no reduction. Shares nothing with the checker
 * but the model and the pairing of events.
 */
final class BruteForceChecker {
  private final List<Operation> operations;
  private final Model model;
  private final boolean[] placed;
  private final Map<String, Object> states = new HashMap<>();
  private int completedLeft;

  private BruteForceChecker(List<Operation> operations, Model model) {
    this.operations = operations;
    this.model = model;
    this.placed = new boolean[operations.size()];
    this.completedLeft = (int) operations.stream().filter(Operation::completed).count();
  }

  static boolean isLinearizable(List<HistoryEvent> history, Model model) {
    return new BruteForceChecker(OperationPairing.pair(history), model).extend();
  }

  /** Whether some way of going on from the operations placed so far works. */
  private boolean extend() {
    if (completedLeft == 0) {
      return true; // The unknown operations left out never took effect.
    }
    for (int i = 0; i < operations.size(); i++) {
      if (placed[i] || !mayGoNext(operations.get(i))) {
        continue;
      }
      Operation operation = operations.get(i);
      Object before = states.containsKey(operation.key()) ? states.get(operation.key()) : initial();
      Object after = model.step(before, operation);
      if (after == Model.IMPOSSIBLE) {
        continue;
      }
      placed[i] = true;
      completedLeft -= operation.completed() ? 1 : 0;
      states.put(operation.key(), after);
      boolean works = extend();
      states.put(operation.key(), before);
      completedLeft += operation.completed() ? 1 : 0;
      placed[i] = false;
      if (works) {
        return true;
      }
    }
    return false;
  }

  private Object initial() {
    return model.initialState();
  }

  /** Every operation that completed before {@code next} was invoked is placed already. */
  private boolean mayGoNext(Operation next) {
    for (int i = 0; i < operations.size(); i++) {
      Operation earlier = operations.get(i);
      if (!placed[i] && earlier.completeIndex() < next.invokeIndex()) {
        return false;
      }
    }
    return true;
  }
}
