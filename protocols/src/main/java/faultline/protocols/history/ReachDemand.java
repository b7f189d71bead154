package faultline.protocols.history;

import faultline.engine.lookup.LookupMap;
import java.util.Arrays;
import java.util.Collection;
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
    for (int i = 0; i < operations.length && !needed; i++) {
      needed = model.statesWritten(operations[i]) == null;
    }
    this.enabled = needed;
    if (!enabled) {
      return;
    }
    // Each writer's states, asked of the model once and laid out flat (writers[k] wrote states[k],
    // writers in ascending order): the loop below visits every writer for every
    // read, and iterating a collection per writer and read was most of this class's garbage.
    Object[] states = new Object[operations.length];
    int[] writers = new int[operations.length];
    int written = 0;
    for (int i = 0; i < operations.length; i++) {
      Collection<Object> ofWriter = readOnly[i] ? null : model.statesWritten(operations[i]);
      if (ofWriter == null) {
        continue;
      }
      for (Object state : ofWriter) {
        if (written == states.length) {
          states = Arrays.copyOf(states, 2 * written);
          writers = Arrays.copyOf(writers, 2 * written);
        }
        states[written] = state;
        writers[written++] = i;
      }
    }
    states = Arrays.copyOf(states, written);
    writers = Arrays.copyOf(writers, written);
    // Reads that returned equal values have the same writers leading to them (mayReach is a
    // function of the values alone), so each value's are found once and the array shared.
    LookupMap<Object, int[]> leadingTo = new LookupMap<>();
    // The key-value model reaches a string from its prefixes only: those are looked up, not every
    // written state tested.
    PrefixIndex prefixes = model instanceof KeyValueModel ? new PrefixIndex(states) : null;
    int[] leading = new int[writers.length];
    for (int i = 0; i < operations.length; i++) {
      if (!readOnly[i] || !operations[i].completed()) {
        continue; // Asked first: the model makes a collection per question.
      }
      Collection<Object> observed = model.statesObserved(operations[i]);
      if (observed == null || observed.size() != 1) {
        continue;
      }
      Object target = observed.iterator().next();
      required[i] = target;
      int[] known = leadingTo.get(target);
      if (known == null) {
        known =
            prefixes != null
                ? writersOf(leading, prefixes.prefixesOf(target, leading), writers)
                : writersLeadingTo(model, target, states, writers, leading);
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

  /**
   * The writers, in ascending order and each once, of the states at the first {@code count} {@code
   * positions}, ascending.
   */
  private static int[] writersOf(int[] positions, int count, int[] writers) {
    int found = 0;
    for (int k = 0; k < count; k++) {
      int writer = writers[positions[k]];
      if (found == 0 || positions[found - 1] != writer) {
        positions[found++] = writer; // found <= k: overwrites only positions already read.
      }
    }
    return Arrays.copyOf(positions, found);
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
      int[] writers = resetters[operation];
      // The test of the writers first, though the state's test reads more naturally: on the Raft
      // workload's history 98% of the reads asked about still have a writer to come, and the
      // state's test, a string comparison, was 10% of the check.
      if (writers == null || anyOpen(writers, linearized)) {
        continue;
      }
      Object target = required[operation];
      if (!Objects.equals(target, state) && !model.mayReach(state, target)) {
        return operation;
      }
    }
    return -1;
  }

  private static boolean anyOpen(int[] writers, long[] linearized) {
    for (int write : writers) {
      if ((linearized[write >>> 6] & (1L << write)) == 0) {
        return true;
      }
    }
    return false;
  }
}
