package faultline.exercises.e12_linearizability;

import faultline.protocols.history.CheckResult;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer the grader expects, from the simulator's own checker ({@code kv.linearizable} and
 * {@code ./faultline check} use it): the verdict, and for a history that is not linearizable the
 * operation whose completion ends its shortest prefix that is not, found by asking the checker
 * about prefixes. The tests check these answers against a search over every order on small
 * histories.
 *
 * @param explanation the checker's paragraph on the whole history
 */
record ReferenceVerdict(Verdict verdict, String explanation) {
  /** Enough for every history the grader uses; a verdict of unknown is the grader's mistake. */
  private static final long STATES_MAX = 20_000_000;

  static ReferenceVerdict of(RegisterCase registerCase) {
    List<HistoryEvent> events = registerCase.events();
    CheckResult whole = check(events, registerCase.name());
    if (whole.isLinearizable()) {
      return new ReferenceVerdict(Verdict.LINEARIZABLE, whole.explanation());
    }
    List<Integer> completions = new ArrayList<>();
    for (int at = 0; at < events.size(); at++) {
      HistoryEvent.Type type = events.get(at).type();
      if (type == HistoryEvent.Type.OK || type == HistoryEvent.Type.FAIL) {
        completions.add(at);
      }
    }
    int low = 0;
    int high = completions.size() - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      int length = completions.get(middle) + 1;
      if (check(events.subList(0, length), registerCase.name()).isLinearizable()) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    int end = completions.get(low);
    for (Op op : registerCase.toHistory().ops()) {
      if (op.completedAt() == end) {
        return new ReferenceVerdict(Verdict.notLinearizable(op), whole.explanation());
      }
    }
    throw new IllegalStateException("no operation completes at event " + end);
  }

  private static CheckResult check(List<HistoryEvent> events, String name) {
    CheckResult result = LinearizabilityChecker.check(events, Model.register(), STATES_MAX);
    if (result.verdict() == CheckResult.Verdict.UNKNOWN) {
      throw new IllegalStateException("the reference checker gave up on " + name);
    }
    return result;
  }
}
