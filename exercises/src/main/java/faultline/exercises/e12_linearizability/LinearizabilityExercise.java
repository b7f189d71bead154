package faultline.exercises.e12_linearizability;

import faultline.exercises.Exercise;
import faultline.exercises.grading.GradedCheck;
import faultline.exercises.grading.ReferenceCode;
import java.util.List;

/** The checks of exercise 12; see README.md beside this file. */
public final class LinearizabilityExercise implements Exercise {
  /** Checks that run simulations or large searches may take this long in all. */
  private static final long LONG_CHECK_MILLIS = 60_000;

  @Override
  public String id() {
    return "e12";
  }

  @Override
  public String slug() {
    return "linearizability";
  }

  @Override
  public String title() {
    return "Checking linearizability: a memoized Wing and Gong search for a register";
  }

  @Override
  public List<Class<?>> studentClasses() {
    return List.of(LinearizabilitySearch.class);
  }

  @Override
  public ReferenceCode referenceCode() {
    return ReferenceCode.of(
        List.of(
            "faultline.protocols.history.LinearizabilityChecker",
            "faultline.protocols.history.HistoryChecker",
            "faultline.protocols.history.Model",
            "faultline.protocols.kv.Linearizable"),
        List.of());
  }

  @Override
  public List<GradedCheck> checks() {
    return List.of(
        new GradedCheck(
            "chosen histories: real time, info, fail, cas",
            10,
            HistoryCheck.verdicts(Expected.CHOSEN)),
        new GradedCheck(
            "published histories with published verdicts",
            5,
            HistoryCheck.verdicts(Expected.PUBLISHED)),
        new GradedCheck(
            "generated histories, seeds 1 to 300",
            10,
            LONG_CHECK_MILLIS,
            HistoryCheck.verdicts(Expected.GENERATED)),
        new GradedCheck(
            "histories of Raft runs, stale reads and random faults",
            10,
            LONG_CHECK_MILLIS,
            HistoryCheck.verdicts(Expected.RAFT)),
        new GradedCheck(
            "large histories, 3 s of CPU each",
            8,
            LONG_CHECK_MILLIS,
            HistoryCheck.verdicts(Expected.LARGE)),
        new GradedCheck(
            "the witness of every history above that is not linearizable",
            7,
            LONG_CHECK_MILLIS,
            HistoryCheck.witnesses(
                List.of(
                    Expected.CHOSEN,
                    Expected.PUBLISHED,
                    Expected.GENERATED,
                    Expected.RAFT,
                    Expected.LARGE))));
  }
}
