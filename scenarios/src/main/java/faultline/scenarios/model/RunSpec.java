package faultline.scenarios.model;

/**
 * How long a run goes and its other limits.
 *
 * @param durationNanos virtual time at which the run ends
 * @param maxEvents event limit
 * @param maxQueue pending-event limit
 * @param stopOnViolation whether the first violation ends the run
 * @param untilNanos where the run stops: {@code durationNanos} unless the scenario (or the trace of
 *     a run cut short by {@code --until}) says otherwise. Protocol parameters keep deriving their
 *     defaults from {@code durationNanos}, so a shortened run is the same run, cut.
 * @param quietAfterFaultsNanos when the protocol's eventually properties are judged: once the last
 *     fault has been over this long; {@link #AT_THE_END} (the default) judges them at the end of
 *     the run
 */
public record RunSpec(
    long durationNanos,
    long maxEvents,
    int maxQueue,
    boolean stopOnViolation,
    long untilNanos,
    long quietAfterFaultsNanos) {
  /** Eventually properties are judged at the end of the run. */
  public static final long AT_THE_END = -1;

  public RunSpec(long durationNanos, long maxEvents, int maxQueue, boolean stopOnViolation) {
    this(durationNanos, maxEvents, maxQueue, stopOnViolation, durationNanos, AT_THE_END);
  }

  /** True when the scenario judges its eventually properties after a quiet window. */
  public boolean judgesAfterQuiet() {
    return quietAfterFaultsNanos != AT_THE_END;
  }
}
