package faultline.engine;

/**
 * Watches a run from outside it: told every {@link #EVENTS_BETWEEN_CALLS} events how far the run
 * has come, it may stop the run (the user interrupted it; a real-time budget ran out). It never
 * changes what happens in the run, only where it ends, and a run it stops says so in its stop
 * reason, so a stopped run is never taken for a whole one. The engine itself reads no clock: a
 * monitor that does lives outside it.
 */
@FunctionalInterface
public interface RunMonitor {
  /**
   * Often enough for a progress line several times a second even on a slow run (a Raft run under a
   * linearizability checker starts at a few thousand events a second), rarely enough to cost
   * nothing (a call reads a volatile flag and the machine's clock).
   */
  int EVENTS_BETWEEN_CALLS = 1 << 10;

  /** A monitor that watches nothing and never stops a run. */
  RunMonitor NONE = (events, nowNanos) -> null;

  /**
   * Called between events.
   *
   * @return why to stop the run now ({@link RunOutcome.StopReason#INTERRUPTED} or {@link
   *     RunOutcome.StopReason#WALL_CLOCK_LIMIT}), or null to go on
   */
  RunOutcome.StopReason check(long events, long nowNanos);
}
