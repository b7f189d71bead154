package faultline.scenarios.model;

/**
 * How long a run goes and its other limits.
 *
 * @param durationNanos virtual time at which the run ends
 * @param maxEvents event limit
 * @param maxQueue pending-event limit
 * @param stopOnViolation whether the first violation ends the run
 */
public record RunSpec(long durationNanos, long maxEvents, int maxQueue, boolean stopOnViolation) {}
