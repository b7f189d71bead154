package faultline.exercises.e12_linearizability;

import faultline.exercises.grading.CheckBody;
import faultline.exercises.grading.CheckProgress;
import faultline.exercises.grading.ClientHistories;
import faultline.exercises.grading.CpuBudget;
import faultline.exercises.grading.Failure;
import faultline.exercises.grading.StudentErrors;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gives the student's {@link LinearizabilitySearch} each history of a set, within a budget of CPU
 * time per history, and compares its verdict, or its witness, with the reference. The first history
 * it gets wrong fails the check; that history is written where {@code ./faultline check} reads it.
 */
final class HistoryCheck implements CheckBody {
  /** What is compared. */
  enum Judged {
    VERDICT,
    WITNESS
  }

  /** The CPU time one history may take, the witness's prefixes included. */
  static final long BUDGET_NANOS = 3_000_000_000L;

  private final List<Supplier<List<RegisterCase>>> sets;
  private final Judged judged;

  private HistoryCheck(List<Supplier<List<RegisterCase>>> sets, Judged judged) {
    this.sets = List.copyOf(sets);
    this.judged = judged;
  }

  /** The verdict on every history of {@code set}. */
  static HistoryCheck verdicts(Supplier<List<RegisterCase>> set) {
    return new HistoryCheck(List.of(set), Judged.VERDICT);
  }

  /** The witness for every history of {@code sets} that is not linearizable. */
  static HistoryCheck witnesses(List<Supplier<List<RegisterCase>>> sets) {
    return new HistoryCheck(sets, Judged.WITNESS);
  }

  @Override
  public Optional<Failure> run(CheckProgress progress) {
    int index = 0;
    for (Supplier<List<RegisterCase>> set : sets) {
      for (RegisterCase registerCase : set.get()) {
        index++;
        ReferenceVerdict expected = Expected.of(registerCase);
        if (judged == Judged.WITNESS && expected.verdict().linearizable()) {
          continue;
        }
        Optional<String> wrong = judge(registerCase, expected);
        if (wrong.isPresent()) {
          String file =
              ClientHistories.write(progress, "history" + index + ".jsonl", registerCase.events());
          return Optional.of(
              Failure.of(
                  describe(registerCase)
                      + ": "
                      + wrong.get()
                      + "\nhistory: "
                      + file
                      + " (./faultline check "
                      + file
                      + " --model register)"));
        }
      }
    }
    return Optional.empty();
  }

  /** What the student's search got wrong on one history, if anything. */
  private Optional<String> judge(RegisterCase registerCase, ReferenceVerdict expected) {
    History history = registerCase.toHistory();
    Verdict actual;
    try {
      actual =
          CpuBudget.run(BUDGET_NANOS, () -> new LinearizabilitySearch().check(history)).result();
    } catch (CpuBudget.OutOfTime e) {
      return Optional.of(
          "check "
              + e.getMessage()
              + " on this history: does the search remember the configurations it has explored,"
              + " and try only the operations real time allows next?");
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.of("check " + StudentErrors.describe(e));
    }
    if (actual == null) {
      return Optional.of("check returned null");
    }
    Verdict want = expected.verdict();
    if (actual.linearizable() != want.linearizable()) {
      return Optional.of(
          "check returned "
              + (actual.linearizable() ? "linearizable" : "not linearizable")
              + ", expected "
              + (want.linearizable() ? "linearizable" : "not linearizable")
              + ". "
              + expected.explanation());
    }
    if (judged == Judged.WITNESS && actual.witness() != want.witness()) {
      Op witness = history.ops().get(want.witness());
      return Optional.of(
          String.format(
              Locale.ROOT,
              "check blamed %s, but the shortest prefix that is not linearizable ends with the"
                  + " completion of %s (at position %d of the %d events)",
              named(history, actual.witness()),
              witness.describe(),
              witness.completedAt(),
              history.events()));
    }
    return Optional.empty();
  }

  private static String named(History history, int witness) {
    return witness >= 0 && witness < history.ops().size()
        ? history.ops().get(witness).describe()
        : "operation " + witness + ", which the history does not have";
  }

  private static String describe(RegisterCase registerCase) {
    return registerCase.name() + " (" + registerCase.operations() + " operations)";
  }
}
