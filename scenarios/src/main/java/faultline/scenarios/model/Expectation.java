package faultline.scenarios.model;

import java.util.List;
import java.util.SortedMap;

/**
 * What the scenario's author expects of a run with the default seed, checked in CI so that a
 * demonstration that stops demonstrating fails the build; and, for a demonstration that shows its
 * violation on some seeds only, on how many of a range of seeds ({@link SeedRate}), which a sweep
 * of exactly that range judges.
 *
 * @param violations the invariants expected to be violated (exactly this set; empty: none)
 * @param metrics bounds on run metrics, by metric name
 * @param mayBeUndecided invariants whose check may end undecided (its search budget spent) without
 *     failing the expectations; any other undecided check makes the run inconclusive and unmet
 * @param rate how many seeds of a range show the violations, or null
 */
public record Expectation(
    List<String> violations,
    SortedMap<String, Bound> metrics,
    List<String> mayBeUndecided,
    SeedRate rate) {

  /** Inclusive bounds; either may be null. */
  public record Bound(Long min, Long max) {
    public boolean accepts(long value) {
      return (min == null || value >= min) && (max == null || value <= max);
    }

    @Override
    public String toString() {
      if (min != null && max != null) {
        return min.equals(max) ? "= " + min : "in [" + min + ", " + max + "]";
      }
      return min != null ? ">= " + min : "<= " + max;
    }
  }

  /**
   * Of the seeds {@code seeds} (a seed list like {@code 1..100}), at the scenario's own duration,
   * between {@code violated.min} and {@code violated.max} show exactly the expected violations, and
   * the others none.
   */
  public record SeedRate(String seeds, Bound violated) {}
}
