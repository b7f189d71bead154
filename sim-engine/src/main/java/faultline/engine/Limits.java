package faultline.engine;

/**
 * Every run has limits, so that no run can go on forever or eat the machine: how far virtual time
 * may go, how many trace events the run may write (the count its outcome reports; one step writes
 * several: a delivery, the sends it causes, a state change), and how many events may be pending at
 * once. The event limit is checked before each step, so a run ends within one step's events of it.
 * A run stopped by the event or the queue limit did not reach its end and is inconclusive.
 */
public record Limits(long timeLimitNanos, long eventLimit, int queueLimit) {
  public Limits {
    Check.argument(timeLimitNanos > 0, "the time limit must be positive: %s", timeLimitNanos);
    Check.argument(eventLimit > 0, "the event limit must be positive: %s", eventLimit);
    Check.argument(queueLimit > 0, "the queue limit must be positive: %s", queueLimit);
  }

  public static Limits of(long timeLimitNanos) {
    return new Limits(timeLimitNanos, 10_000_000, 1_000_000);
  }

  public Limits withTimeLimitNanos(long nanos) {
    return new Limits(nanos, eventLimit, queueLimit);
  }
}
