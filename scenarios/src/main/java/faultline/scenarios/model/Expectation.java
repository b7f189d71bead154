package faultline.scenarios.model;

import java.util.List;
import java.util.SortedMap;

/**
 * What the scenario's author expects of a run with the default seed, checked in CI so that a
 * demonstration that stops demonstrating fails the build.
 *
 * @param violations the invariants expected to be violated (exactly this set; empty: none)
 * @param metrics bounds on run metrics, by metric name
 */
public record Expectation(List<String> violations, SortedMap<String, Bound> metrics) {
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
}
