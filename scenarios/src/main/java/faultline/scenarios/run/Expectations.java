package faultline.scenarios.run;

import faultline.engine.RunOutcome;
import faultline.engine.check.EventuallyResult;
import faultline.engine.check.Undecided;
import faultline.engine.check.Violation;
import faultline.scenarios.model.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Compares a run's outcome with what its scenario's author expected. */
final class Expectations {
  private Expectations() {}

  /** Why an eventually property {@code name} failed, after a colon; empty for an invariant. */
  private static String failure(RunOutcome outcome, String name) {
    return outcome.failedEventually().stream()
        .filter(failed -> failed.property().equals(name))
        .map(failed -> " (an eventually property): " + failed.message())
        .findFirst()
        .orElse("");
  }

  /** Each unmet expectation as one readable sentence; empty when all held. */
  static List<String> unmet(Expectation expect, RunOutcome outcome) {
    List<String> unmet = new ArrayList<>();
    SortedSet<String> expected = new TreeSet<>(expect.violations());
    SortedSet<String> actual = new TreeSet<>();
    for (Violation violation : outcome.violations()) {
      actual.add(violation.invariant());
    }
    for (EventuallyResult failed : outcome.failedEventually()) {
      actual.add(failed.property()); // A demonstration may expect a liveness failure too.
    }
    for (String name : expected) {
      if (!actual.contains(name)) {
        unmet.add("expected a violation of " + name + ", but it held");
      }
    }
    for (String name : actual) {
      if (!expected.contains(name)) {
        unmet.add("did not expect a violation of " + name + failure(outcome, name));
      }
    }
    if (outcome.stoppedByLimit()) {
      unmet.add(
          "the run "
              + outcome.stopReason().explanation()
              + " before its end, so it is inconclusive: nothing after that was checked");
    }
    for (Undecided undecided : outcome.undecided()) {
      if (!expect.mayBeUndecided().contains(undecided.invariant())) {
        unmet.add(
            undecided.invariant()
                + " was not decided (add it to \"mayBeUndecided\" if that is expected): "
                + undecided.message());
      }
    }
    for (Map.Entry<String, Expectation.Bound> entry : expect.metrics().entrySet()) {
      long value = outcome.metrics().getOrDefault(entry.getKey(), 0L);
      if (!entry.getValue().accepts(value)) {
        unmet.add(
            "expected metric " + entry.getKey() + " " + entry.getValue() + ", but it was " + value);
      }
    }
    return unmet;
  }
}
