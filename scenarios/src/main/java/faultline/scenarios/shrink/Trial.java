package faultline.scenarios.shrink;

import faultline.engine.check.Violation;
import faultline.scenarios.run.RunReport;
import java.util.List;
import java.util.TreeSet;

/**
 * What one run of a candidate showed.
 *
 * @param loaded whether the candidate was a valid scenario at all (a client removed that another
 *     parameter still names is not)
 * @param violation the first violation of the invariant being shrunk for, or null
 * @param violated every invariant the run violated, sorted
 * @param events events the run made
 * @param untilNanos where the run was set to stop
 */
record Trial(
    boolean loaded, Violation violation, List<String> violated, long events, long untilNanos) {
  static final Trial INVALID = new Trial(false, null, List.of(), 0, 0);

  static Trial of(RunReport report, String invariant) {
    Violation first =
        report.outcome().violations().stream()
            .filter(violation -> violation.invariant().equals(invariant))
            .findFirst()
            .orElse(null);
    TreeSet<String> violated = new TreeSet<>();
    report.outcome().violations().forEach(violation -> violated.add(violation.invariant()));
    return new Trial(
        true, first, List.copyOf(violated), report.outcome().events(), report.durationNanos());
  }

  boolean fails() {
    return violation != null;
  }
}
