package faultline.scenarios.shrink;

/**
 * When shrinking must stop before its fixed point. Asked before every run; shrinking then keeps the
 * smallest failing scenario found so far.
 */
@FunctionalInterface
public interface ShrinkBudget {
  /** Why to stop before the next run, given the runs made so far ({@code --max-runs}), or null. */
  String exhausted(int runs);

  /** At most {@code maxRuns} runs. */
  static ShrinkBudget runs(int maxRuns) {
    return runs -> runs >= maxRuns ? "stopped at --max-runs " + maxRuns : null;
  }

  /** This budget, or {@code other} when it says to stop first. */
  default ShrinkBudget or(ShrinkBudget other) {
    return runs -> {
      String mine = exhausted(runs);
      return mine != null ? mine : other.exhausted(runs);
    };
  }
}
