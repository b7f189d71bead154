package faultline.protocols.history;

import faultline.engine.Check;
import faultline.engine.lookup.LookupMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides whether a client history is linearizable (Herlihy and Wing 1990) with respect to a {@link
 * Model}: whether each operation can be given one instant between its invocation and its completion
 * such that the operations, run one at a time in that order, produce the results the clients saw.
 *
 * <p>Keys are independent objects, so each key's sub-history is checked on its own
 * (P-compositionality, Horn and Kroening 2015): a history is linearizable when every key's is. Each
 * key is searched by {@link LinearizationSearch}, a memoized Wing–Gong/Lowe search. {@code fail}
 * operations are dropped; {@code info} operations may take effect at any point after their
 * invocation, or never. The search is exponential in the worst case (the problem is NP-complete),
 * so it stops after {@code statesMax} memoized configurations with verdict {@code UNKNOWN}; memory
 * stays proportional to that bound (a few hundred bytes per configuration with 50 clients, more
 * when states are long strings). The budget counts states, never bytes or seconds, so a verdict is
 * the same on every machine: a heap too small for the budget ends in an {@link OutOfMemoryError},
 * not in a different answer.
 */
public final class LinearizabilityChecker {
  /** A budget that decides the histories of a long simulation run and fits a default heap. */
  public static final long DEFAULT_STATES_MAX = 2_000_000;

  private LinearizabilityChecker() {}

  /** A checker for histories of {@code model}, with the given search budget. */
  public static HistoryChecker of(Model model, long statesMax) {
    Check.argument(model != null, "a model is required");
    Check.argument(statesMax > 0, "statesMax must be positive: %s", statesMax);
    return history -> check(history, model, statesMax);
  }

  /**
   * Checks {@code history} (events in real-time order) against {@code model}.
   *
   * @throws IllegalArgumentException when the history is malformed: a process that invokes twice
   *     without completing, a completion without its invocation, an operation the model lacks
   */
  public static CheckResult check(List<HistoryEvent> history, Model model, long statesMax) {
    return check(history, model, statesMax, new SearchProgress());
  }

  /** The same, publishing how far it has got to {@code progress} as it goes. */
  public static CheckResult check(
      List<HistoryEvent> history, Model model, long statesMax, SearchProgress progress) {
    Check.argument(model != null, "a model is required");
    Check.argument(progress != null, "a progress is required");
    Check.argument(statesMax > 0, "statesMax must be positive: %s", statesMax);
    Map<String, List<Operation>> byKey = byKey(OperationPairing.pair(history), model);
    long statesExplored = 0;
    int operationCount = 0;
    for (Map.Entry<String, List<Operation>> entry : byKey.entrySet()) {
      List<Operation> operations = withoutUnseenUnknown(model, entry.getValue());
      operationCount += entry.getValue().size();
      progress.searching(entry.getKey(), operations.size(), statesExplored);
      LinearizationSearch search =
          new LinearizationSearch(
              model, operations, UnseenEffects.find(model, operations), statesMax - statesExplored);
      search.reportTo(progress, statesExplored);
      LinearizationSearch.Outcome outcome = search.run();
      statesExplored += search.statesExplored();
      progress.explored(statesExplored);
      switch (outcome) {
        case LINEARIZABLE -> {}
        case NOT_LINEARIZABLE -> {
          return Explanations.notLinearizable(
              model, entry.getKey(), search.deepestDeadEnd(), statesExplored);
        }
        case GAVE_UP -> {
          return Explanations.gaveUp(
              model, entry.getKey(), operations.size(), search.deepestDeadEnd(), statesExplored);
        }
      }
    }
    return Explanations.linearizable(operationCount, byKey.size(), statesExplored);
  }

  /**
   * Drops the operations whose outcome is unknown and whose effect nobody can have seen: they may
   * as well never have happened ({@link UnseenEffects}). Dropping one can leave another unseen (an
   * unknown cas that alone expected its value), so this repeats until nothing changes; the search
   * then meets no unseen operation of unknown outcome, which its hoisting relies on.
   */
  private static List<Operation> withoutUnseenUnknown(Model model, List<Operation> operations) {
    List<Operation> kept = operations;
    while (true) {
      boolean[] unseen = UnseenEffects.find(model, kept);
      List<Operation> next = null; // Made only when something goes: most keys lose nothing.
      for (int i = 0; i < unseen.length; i++) {
        boolean keep = kept.get(i).completed() || !unseen[i];
        if (!keep && next == null) {
          next = new ArrayList<>(kept.subList(0, i));
        } else if (keep && next != null) {
          next.add(kept.get(i));
        }
      }
      if (next == null) {
        return kept;
      }
      kept = next;
    }
  }

  /**
   * The operations of each key, keyless first, then keys in order. An operation whose outcome is
   * unknown and that changes nothing (an unanswered read) constrains nothing, so it is left out.
   */
  private static Map<String, List<Operation>> byKey(List<Operation> operations, Model model) {
    // Grouped by hash, then sorted once: a sorted map looked up per operation compared keys at
    // every level of its tree (6% of the workload's check).
    LookupMap<String, List<Operation>> grouped = new LookupMap<>();
    List<String> keys = new ArrayList<>(); // In the order first met, not the hash's.
    for (Operation operation : operations) {
      // Written out, not Check.argument: its varargs made an array for every operation.
      if (!model.functions().contains(operation.f())) {
        throw new IllegalArgumentException(
            "model %s has no operation %s (it has %s)"
                .formatted(model.name(), operation.f(), model.functions()));
      }
      if (!operation.completed() && model.isReadOnly(operation)) {
        continue;
      }
      List<Operation> ofKey = grouped.get(operation.key());
      if (ofKey == null) {
        ofKey = new ArrayList<>();
        grouped.put(operation.key(), ofKey);
        keys.add(operation.key());
      }
      ofKey.add(operation);
    }
    Map<String, List<Operation>> byKey =
        new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (String key : keys) {
      byKey.put(key, grouped.get(key));
    }
    return byKey;
  }
}
