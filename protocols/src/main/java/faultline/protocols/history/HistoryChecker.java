package faultline.protocols.history;

import java.util.List;

/**
 * Judges a whole client history at the end of a run. Protocols take one of these rather than a
 * concrete checker, so the history checks they run can be chosen (and tested) separately.
 */
@FunctionalInterface
public interface HistoryChecker {
  CheckResult check(List<HistoryEvent> history);
}
