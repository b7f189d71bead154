package faultline.protocols.history;

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
    // Each writer's states, asked of the model once: the loop below visits every writer for
    // every read, and a model may build a new collection per call.
    List<Integer> writers = new ArrayList<>();
    List<Collection<Object>> writtenBy = new ArrayList<>();
    for (int i = 0; i < operations.length; i++) {
      Collection<Object> written = readOnly[i] ? null : model.statesWritten(operations[i]);
      if (written != null) {
        writers.add(i);
        writtenBy.add(written);
      }
    }
    for (int i = 0; i < operations.length; i++) {
      Collection<Object> observed = model.statesObserved(operations[i]);
      if (!readOnly[i] || !operations[i].completed() || observed == null || observed.size() != 1) {
        continue;
      }
      Object target = observed.iterator().next();
      required[i] = target;
      int[] leading = new int[writers.size()];
      int count = 0;
      for (int w = 0; w < leading.length; w++) {
        for (Object written : writtenBy.get(w)) {
          if (model.mayReach(written, target)) {
            leading[count++] = writers.get(w);
            break;
          }
        }
      }
      resetters[i] = Arrays.copyOf(leading, count);
    }
  }

  boolean enabled() {
    return enabled;
  }

  /**
   * The open read-only operation that can no longer see what it returned, or -1.
   *
   * @param open the operations that may be linearized next, not yet linearized
   */
  int unreachable(int[] open, Object state, long[] linearized) {
    if (!enabled) {
      return -1;
    }
    for (int operation : open) {
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
