package faultline.scenarios.cli;

import faultline.engine.RunMonitor;
import faultline.engine.RunOutcome.StopReason;
import java.util.Locale;

/**
 * Watches one run for the progress line ("running raft/random-faults: 3.2s of 60s virtual time,
 * 1,234,567 events") and stops it when its {@link StopConditions} say so.
 */
final class RunWatch implements RunMonitor {
  private final String label;
  private final long durationNanos;
  private final StopConditions stop;
  private volatile long events;
  private volatile long nowNanos;

  RunWatch(String label, long durationNanos, StopConditions stop) {
    this.label = label;
    this.durationNanos = durationNanos;
    this.stop = stop;
  }

  @Override
  public StopReason check(long events, long nowNanos) {
    this.events = events;
    this.nowNanos = nowNanos;
    return stop.reason();
  }

  /** Where the run is, for the progress line and for messages when it is cut short. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "running %s: %s of %s virtual time, %,d events",
        label,
        Text.duration(nowNanos),
        Text.duration(durationNanos),
        events);
  }
}
