package faultline.scenarios.cli;

import faultline.engine.RunMonitor;
import faultline.engine.RunOutcome.StopReason;

/**
 * Why long work should stop before its end, seen from outside the simulation: the user pressed
 * Ctrl-C, or the real time given with {@code --wall-limit} is used up. One instance serves a whole
 * command: a sweep's runs share its budget.
 */
final class StopConditions {
  private final long deadlineNanoTime;
  private final boolean limited;

  private StopConditions(Long wallLimitNanos) {
    this.limited = wallLimitNanos != null;
    this.deadlineNanoTime = limited ? System.nanoTime() + wallLimitNanos : 0;
  }

  /** From now, stop after {@code wallLimitNanos} of real time (null: no limit), or on Ctrl-C. */
  static StopConditions startingNow(Long wallLimitNanos) {
    return new StopConditions(wallLimitNanos);
  }

  /** Why to stop now, or null to go on. */
  StopReason reason() {
    if (Interrupts.requested()) {
      return StopReason.INTERRUPTED;
    }
    if (limited && System.nanoTime() - deadlineNanoTime >= 0) {
      return StopReason.WALL_CLOCK_LIMIT;
    }
    return null;
  }

  /** A monitor for one run that only asks these conditions. */
  RunMonitor monitor() {
    return (events, nowNanos) -> reason();
  }
}
