package faultline.scenarios.shrink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Zeller and Hildebrandt's ddmin ("Simplifying and Isolating Failure-Inducing Input", IEEE TSE
 * 28(2), 2002, section 3.3): split the failing list into n parts; keep one part alone if it still
 * fails, else drop one part if the rest still fails, else split finer, until every single element
 * is needed (a 1-minimal list). Parts are tried in list order, so the result depends only on the
 * list and the test.
 */
final class DeltaDebugging {
  private DeltaDebugging() {}

  /**
   * A 1-minimal sublist of {@code items} (in their order) for which {@code fails} holds, given that
   * it holds for {@code items}. The empty list is tried first: some failures need no element.
   */
  static <T> List<T> minimize(List<T> items, Predicate<List<T>> fails) {
    if (items.isEmpty() || fails.test(List.of())) {
      return List.of();
    }
    List<T> current = List.copyOf(items);
    int parts = 2;
    while (current.size() >= 2) {
      List<List<T>> chunks = split(current, parts);
      List<T> reduced = firstFailing(chunks, fails);
      if (reduced != null) {
        current = reduced;
        parts = 2;
        continue;
      }
      reduced = parts > 2 ? firstFailing(complements(current, chunks), fails) : null;
      if (reduced != null) {
        current = reduced;
        parts = Math.max(parts - 1, 2);
        continue;
      }
      if (parts >= current.size()) {
        break;
      }
      parts = Math.min(current.size(), parts * 2);
    }
    return current;
  }

  private static <T> List<T> firstFailing(List<List<T>> candidates, Predicate<List<T>> fails) {
    for (List<T> candidate : candidates) {
      if (fails.test(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** {@code items} in {@code parts} contiguous chunks whose sizes differ by at most one. */
  static <T> List<List<T>> split(List<T> items, int parts) {
    List<List<T>> chunks = new ArrayList<>();
    int from = 0;
    for (int part = 0; part < parts; part++) {
      int to = from + (items.size() - from) / (parts - part);
      chunks.add(List.copyOf(items.subList(from, to)));
      from = to;
    }
    return chunks;
  }

  private static <T> List<List<T>> complements(List<T> items, List<List<T>> chunks) {
    List<List<T>> complements = new ArrayList<>();
    int from = 0;
    for (List<T> chunk : chunks) {
      List<T> rest = new ArrayList<>(items.subList(0, from));
      rest.addAll(items.subList(from + chunk.size(), items.size()));
      complements.add(List.copyOf(rest));
      from += chunk.size();
    }
    return complements;
  }
}
