package faultline.protocols.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Linearizability by its definition, for tiny histories: for every choice of which unknown-outcome
 * operations took effect, try every permutation of the chosen operations that respects real-time
 * order (an operation that completed before another was invoked comes first) and run it through the
 * model. Shares nothing with the checker but the model and the pairing of events.
 */
final class BruteForceChecker {
  private BruteForceChecker() {}

  static boolean isLinearizable(List<HistoryEvent> history, Model model) {
    List<Operation> operations = OperationPairing.pair(history);
    List<Operation> unknown = operations.stream().filter(o -> !o.completed()).toList();
    List<Operation> completed = operations.stream().filter(Operation::completed).toList();
    for (int subset = 0; subset < 1 << unknown.size(); subset++) {
      List<Operation> chosen = new ArrayList<>(completed);
      for (int i = 0; i < unknown.size(); i++) {
        if ((subset & 1 << i) != 0) {
          chosen.add(unknown.get(i));
        }
      }
      if (anyOrderWorks(chosen, new ArrayList<>(), new boolean[chosen.size()], model)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyOrderWorks(
      List<Operation> chosen, List<Operation> order, boolean[] used, Model model) {
    if (order.size() == chosen.size()) {
      return runsSequentially(order, model);
    }
    for (int i = 0; i < chosen.size(); i++) {
      if (used[i]) {
        continue;
      }
      used[i] = true;
      order.add(chosen.get(i));
      boolean works = respectsRealTime(order) && anyOrderWorks(chosen, order, used, model);
      order.removeLast();
      used[i] = false;
      if (works) {
        return true;
      }
    }
    return false;
  }

  /** Nothing placed before the last operation may have been invoked after it completed. */
  private static boolean respectsRealTime(List<Operation> order) {
    Operation last = order.getLast();
    for (Operation earlier : order) {
      if (earlier != last && last.completeIndex() < earlier.invokeIndex()) {
        return false;
      }
    }
    return true;
  }

  private static boolean runsSequentially(List<Operation> order, Model model) {
    // Keys are separate objects: each key's operations run on a state of their own.
    for (Object key : order.stream().map(Operation::key).distinct().toList()) {
      Object keyState = model.initialState();
      for (Operation operation : order) {
        if (!Objects.equals(operation.key(), key)) {
          continue;
        }
        keyState = model.step(keyState, operation);
        if (keyState == Model.IMPOSSIBLE) {
          return false;
        }
      }
    }
    return true;
  }
}
