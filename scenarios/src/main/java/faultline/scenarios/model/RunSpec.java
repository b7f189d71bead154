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
 */
public record RunSpec(
    long durationNanos, long maxEvents, int maxQueue, boolean stopOnViolation, long untilNanos) {
  public RunSpec(long durationNanos, long maxEvents, int maxQueue, boolean stopOnViolation) {
    this(durationNanos, maxEvents, maxQueue, stopOnViolation, durationNanos);
  }
}
