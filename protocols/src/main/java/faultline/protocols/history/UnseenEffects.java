package faultline.protocols.history;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the operations of one key whose effect nobody can have seen: every state they can leave is
 * written by no other operation, is not the initial state, and is revealed by no read or cas.
 *
 * <p>In any linearization such an operation is followed at once by a blind write (a write that
 * ignores the state), or by nothing: whatever came next would have seen its state. So it can be
 * moved back to just before the first blind write that follows the moment it became possible and
 * that finds the state it needs (any state for a write, the expected value for a cas): the
 * operations in between saw what they saw before. The search therefore places unseen operations
 * only there, or when they are forced, and never tries them on their own; the orders that differ
 * only in where an unseen write goes are what make write-heavy histories with many clients explode.
 * An unseen operation whose outcome is unknown may as well never have happened, and is dropped.
 */
final class UnseenEffects {
  private UnseenEffects() {}

  /** Which of {@code operations} (one key's) have effects nobody can have seen. */
  static boolean[] find(Model model, List<Operation> operations) {
    boolean[] unseen = new boolean[operations.size()];
    Set<Object> observed = new HashSet<>();
    Map<Object, Integer> writers = new HashMap<>();
    for (Operation operation : operations) {
      Collection<Object> seen = model.statesObserved(operation);
      Collection<Object> written = model.statesWritten(operation);
      if (seen == null || written == null) {
        return unseen; // Some operation may reveal or leave any state: nothing is surely unseen.
      }
      observed.addAll(seen);
      for (Object state : written) {
        writers.merge(state, 1, Integer::sum);
      }
    }
    Object initial = model.initialState();
    for (int i = 0; i < unseen.length; i++) {
      Operation operation = operations.get(i);
      Collection<Object> written = model.statesWritten(operation);
      if (model.isReadOnly(operation) || written.isEmpty()) {
        continue;
      }
      unseen[i] = true;
      for (Object state : written) {
        if (writers.get(state) != 1 || observed.contains(state) || Objects.equals(state, initial)) {
          unseen[i] = false;
        }
      }
    }
    return unseen;
  }
}
