package faultline.exercises.grading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link ReferenceGuard} refused: for each student method that reaches the simulator's own
 * answer ({@code LeaderCommit.commitIndex}), why.
 */
public record Refusals(SortedMap<String, String> byMethod) {
  public Refusals {
    byMethod = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byMethod));
  }

  /** The first refusal, in method name order. */
  public Optional<String> first() {
    return byMethod.values().stream().findFirst();
  }

  /**
   * Why a check that runs {@code uses} is refused: the first refused method among them, where an
   * entry is a class ({@code FollowerAppend}) or one method ({@code SuspicionRules.merge}); an
   * empty list means every student method (what a simulation runs).
   */
  public Optional<String> forCheck(List<String> uses) {
    if (uses.isEmpty()) {
      return first();
    }
    for (Map.Entry<String, String> refused : byMethod.entrySet()) {
      String method = refused.getKey();
      String owner = method.substring(0, method.lastIndexOf('.'));
      if (uses.contains(method) || uses.contains(owner)) {
        return Optional.of(refused.getValue());
      }
    }
    return Optional.empty();
  }
}
