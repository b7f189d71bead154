package faultline.protocols.history;

import faultline.engine.lookup.LookupMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * For models where {@link StateDemand} cannot say which operations write a state (an {@code append}
 * leaves whatever the state was plus its argument), a weaker test of the same kind: an open read
 * that returned {@code v} must still be able to see {@code v}. From the current state, the
 * operations left can only reach states that {@link Model#mayReach} allows from it, or from the
 * value of a blind write not yet linearized. If neither can lead to {@code v}, the configuration is
 * dead and is cut at once.
 */
final class ReachDemand {
  private final Model model;
  private final boolean enabled;
  private final Object[] required;
  private final int[][] resetters;

  ReachDemand(Model model, Operation[] operations, boolean[] readOnly) {
    this.model = model;
    this.required = new Object[operations.length];
    this.resetters = new int[operations.length][];
    boolean needed = false;
    for (Operation operation : operations) {
      needed |= model.statesWritten(operation) == null;
    }
    this.enabled = needed;
    if (!enabled) {
      return;
    }
    // Each writer's states, asked of the model once and laid out flat (writerOf[k] wrote
    // writtenStates[k], writers in ascending order): the loop below visits every writer for every
    // read, and iterating a collection per writer and read was most of this class's garbage.
    List<Object> writtenStates = new ArrayList<>();
    List<Integer> writerOf = new ArrayList<>();
    for (int i = 0; i < operations.length; i++) {
      Collection<Object> written = readOnly[i] ? null : model.statesWritten(operations[i]);
      if (written != null) {
        for (Object state : written) {
          writtenStates.add(state);
          writerOf.add(i);
        }
      }
    }
    Object[] states = writtenStates.toArray();
    int[] writers = writerOf.stream().mapToInt(Integer::intValue).toArray();
    // Reads that returned equal values have the same writers leading to them (mayReach is a
    // function of the values alone), so each value's are found once and the array shared.
    LookupMap<Object, int[]> leadingTo = new LookupMap<>();
    int[] leading = new int[writers.length];
    for (int i = 0; i < operations.length; i++) {
      Collection<Object> observed = model.statesObserved(operations[i]);
      if (!readOnly[i] || !operations[i].completed() || observed == null || observed.size() != 1) {
        continue;
      }
      Object target = observed.iterator().next();
      required[i] = target;
      int[] known = leadingTo.get(target);
      if (known == null) {
        known = writersLeadingTo(model, target, states, writers, leading);
        leadingTo.put(target, known);
      }
      resetters[i] = known;
    }
  }

  /**
   * The writers, in ascending order and each once, of a state from which {@code target} may be
   * reached.
   */
  private static int[] writersLeadingTo(
      Model model, Object target, Object[] states, int[] writers, int[] scratch) {
    int count = 0;
    for (int k = 0; k < states.length; k++) {
      if ((count == 0 || scratch[count - 1] != writers[k]) && model.mayReach(states[k], target)) {
        scratch[count++] = writers[k];
      }
    }
    return Arrays.copyOf(scratch, count);
  }

  boolean enabled() {
    return enabled;
  }

  /**
   * The open read-only operation that can no longer see what it returned, or -1.
   *
   * @param open the operations that may be linearized next, not yet linearized, in its first {@code
   *     openCount} places
   */
  int unreachable(int[] open, int openCount, Object state, long[] linearized) {
    if (!enabled) {
      return -1;
    }
    for (int k = 0; k < openCount; k++) {
      int operation = open[k];
      Object target = required[operation];
      if (resetters[operation] == null
          || Objects.equals(target, state)
          || model.mayReach(state, target)) {
        continue;
      }
      boolean reachable = false;
      for (int write : resetters[operation]) {
        if ((linearized[write >>> 6] & (1L << write)) == 0) {
          reachable = true;
          break;
        }
      }
      if (!reachable) {
        return operation;
      }
    }
    return -1;
  }
}
