package faultline.protocols.history;

import faultline.engine.lookup.LookupMap;
import faultline.engine.lookup.LookupSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Finds the operations of one key whose effect nobody can have seen: every state they can leave is
 * written by no other operation, is not the initial state, and is revealed by no read or cas.
 *
 * <p>In any linearization such an operation is followed at once by a blind write (a write that
 * ignores the state), or by nothing: whatever came next would have seen its state. Two exchanges
 * follow, each turning a linearization into another one:
 *
 * <ul>
 *   <li>An unseen operation that may go just before a blind write {@code W} (it is open there and
 *       finds the state it needs: any state for a write, the expected value for a cas) can be moved
 *       there from wherever it was: {@code W} hides its effect, and where it was, the blind write
 *       that followed it, or nothing, does not care that it left. Moving an operation earlier
 *       breaks no real-time order as long as it is open.
 *   <li>At most one unseen cas goes just before {@code W} (after it comes a state nobody expects).
 *       When several fit, all expect the current state. If a linearization puts cas {@code B} there
 *       and cas {@code A}, which returns no later than {@code B}, somewhere later, swapping the two
 *       is still a linearization: {@code A} moves earlier, and {@code B} takes {@code A}'s later
 *       place, where the state is the same expected value and which {@code A}'s return, no later
 *       than {@code B}'s, already allowed.
 * </ul>
 *
 * <p>So the search places unseen operations only there, or when they are forced, and never tries
 * them on their own: before each blind write it places the fitting unseen cas that returns first
 * and every unseen blind write. The orders that differ only in where an unseen write goes are what
 * make write-heavy histories with many clients explode. Choosing the cas by invocation instead of
 * by return is not sound: the first-invoked may take the value that a cas returning sooner needed.
 * An unseen operation whose outcome is unknown may as well never have happened, and is dropped.
 */
final class UnseenEffects {
  private UnseenEffects() {}

  /** Which of {@code operations} (one key's) have effects nobody can have seen. */
  static boolean[] find(Model model, List<Operation> operations) {
    boolean[] unseen = new boolean[operations.size()];
    LookupSet<Object> observed = new LookupSet<>();
    LookupMap<Object, Integer> writers = new LookupMap<>();
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
