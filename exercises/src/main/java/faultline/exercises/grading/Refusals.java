package faultline.exercises.grading;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link ReferenceGuard} refused: for each student method that reaches the simulator's own
 * answer ({@code LeaderCommit.commitIndex}), why.
 *
 * @param inherited the refused methods that the class inherits rather than declares (a default
 *     method): they count for the checks that run them, but a check's reason names a method the
 *     student wrote when one is refused too
 */
public record Refusals(SortedMap<String, String> byMethod, Set<String> inherited) {
  public Refusals {
    byMethod = Collections.unmodifiableSortedMap(new TreeMap<>(byMethod));
    inherited = Collections.unmodifiableSet(new TreeSet<>(inherited));
  }

  /** The first refusal: of a declared method in name order, else of an inherited one. */
  public Optional<String> first() {
    return forCheck(List.of());
  }

  /**
   * Why a check that runs {@code uses} is refused: the first refused method among them, where an
   * entry is a class ({@code FollowerAppend}) or one method ({@code SuspicionRules.merge}); an
   * empty list means every student method (what a simulation runs).
   */
  public Optional<String> forCheck(List<String> uses) {
    Optional<String> declared = firstAmong(uses, false);
    return declared.isPresent() ? declared : firstAmong(uses, true);
  }

  private Optional<String> firstAmong(List<String> uses, boolean inheritedOnes) {
    for (Map.Entry<String, String> refused : byMethod.entrySet()) {
      String method = refused.getKey();
      if (inherited.contains(method) != inheritedOnes) {
        continue;
      }
      String owner = method.substring(0, method.lastIndexOf('.'));
      if (uses.isEmpty() || uses.contains(method) || uses.contains(owner)) {
        return Optional.of(refused.getValue());
      }
    }
    return Optional.empty();
  }
}
