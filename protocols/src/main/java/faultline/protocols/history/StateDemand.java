package faultline.protocols.history;

import faultline.engine.lookup.LookupMap;
import java.util.Collection;

/**
 * Which states the operations not yet linearized still need, and which of them can still come back.
 * When the search moves away from a state that some completed operation still has to see (a read
 * that returned it, a cas that expected it) and no remaining operation can write it again, that
 * configuration is dead however the search continues: it is cut at once rather than found out at
 * the operation's return, possibly thousands of steps later.
 */
final class StateDemand {
  private final LookupMap<Object, Integer> ids = new LookupMap<>();
  private final boolean enabled;
  private final int[] requiredId;
  private final int[][] writtenIds;
  private int[] requirers = new int[0];
  private int[] writers = new int[0];

  StateDemand(Model model, Operation[] operations) {
    requiredId = new int[operations.length];
    writtenIds = new int[operations.length][];
    boolean known = true;
    for (int i = 0; i < operations.length && known; i++) {
      Collection<Object> observed = model.statesObserved(operations[i]);
      Collection<Object> written = model.statesWritten(operations[i]);
      known = observed != null && written != null;
      if (!known) {
        break;
      }
      requiredId[i] =
          operations[i].completed() && observed.size() == 1 ? id(observed.iterator().next()) : -1;
      writtenIds[i] = written.stream().mapToInt(this::id).toArray();
    }
    enabled = known;
    if (enabled) {
      requirers = new int[ids.size()];
      writers = new int[ids.size()];
      for (int i = 0; i < operations.length; i++) {
        count(i, 1);
      }
    }
  }

  private int id(Object state) {
    return ids.computeIfAbsent(state, unused -> ids.size());
  }

  void linearized(int operation) {
    if (enabled) {
      count(operation, -1);
    }
  }

  void unlinearized(int operation) {
    if (enabled) {
      count(operation, 1);
    }
  }

  private void count(int operation, int delta) {
    if (requiredId[operation] >= 0) {
      requirers[requiredId[operation]] += delta;
    }
    for (int written : writtenIds[operation]) {
      writers[written] += delta;
    }
  }

  /** True when {@code operation} must see {@code state} at the instant it takes effect. */
  boolean requires(int operation, Object state) {
    Integer id = enabled ? ids.get(state) : null;
    return id != null && requiredId[operation] == id;
  }

  /** True when leaving {@code state} strands an operation that must still see it. */
  boolean isLostOnLeaving(Object state) {
    if (!enabled) {
      return false;
    }
    Integer id = ids.get(state);
    return id != null && requirers[id] > 0 && writers[id] == 0;
  }
}
