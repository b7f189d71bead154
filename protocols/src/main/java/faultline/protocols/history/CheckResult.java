package faultline.protocols.history;

import java.util.List;

/**
 * The verdict of a linearizability check.
 *
 * @param verdict linearizable, not linearizable, or unknown (the search gave up at its limit)
 * @param key the key whose sub-history failed (null when the history is linearizable or keyless)
 * @param unplaceable the operations that cannot be placed after the longest linearizable prefix
 * @param longestPrefix the longest linearizable prefix found, in linearization order
 * @param statesExplored search states visited, over all keys
 * @param explanation one paragraph a student can read
 */
public record CheckResult(
    Verdict verdict,
    String key,
    List<Operation> unplaceable,
    List<Operation> longestPrefix,
    long statesExplored,
    String explanation) {
  public enum Verdict {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    UNKNOWN
  }

  public boolean isLinearizable() {
    return verdict == Verdict.LINEARIZABLE;
  }
}
