package faultline.exercises.e12_linearizability;

import faultline.protocols.history.CheckResult;
import faultline.protocols.history.HistoryChecker;
import faultline.protocols.history.HistoryEvent;
import java.util.List;

/**
 * Judges a key-value history with the student's {@link LinearizabilitySearch}, each key's
 * operations as a register's ({@link RaftHistories#byKey}), for {@link LinearizabilityBinding}.
 */
final class StudentChecker implements HistoryChecker {
  @Override
  public CheckResult check(List<HistoryEvent> history) {
    List<RegisterCase> keys = RaftHistories.byKey("", null, history);
    int operations = 0;
    for (RegisterCase key : keys) {
      History register = key.toHistory();
      operations += register.ops().size();
      Verdict verdict = new LinearizabilitySearch().check(register);
      if (!verdict.linearizable()) {
        String witness =
            verdict.witness() >= 0 && verdict.witness() < register.ops().size()
                ? register.ops().get(verdict.witness()).describe()
                : "operation " + verdict.witness();
        return new CheckResult(
            CheckResult.Verdict.NOT_LINEARIZABLE,
            key.name(),
            List.of(),
            List.of(),
            0,
            "Not linearizable by your LinearizabilitySearch ("
                + key.name()
                + ", values numbered in order of appearance, the empty string 0). The shortest"
                + " prefix that is not linearizable ends with the completion of "
                + witness
                + ".");
      }
    }
    return new CheckResult(
        CheckResult.Verdict.LINEARIZABLE,
        null,
        List.of(),
        List.of(),
        0,
        "Linearizable by your LinearizabilitySearch: all "
            + operations
            + " operations on "
            + keys.size()
            + (keys.size() == 1 ? " key." : " keys."));
  }
}
