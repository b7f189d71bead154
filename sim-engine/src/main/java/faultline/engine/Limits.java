package faultline.engine;

/**
 * Every run has limits, so that no run can go on forever or eat the machine: how far virtual time
 * may go, how many events may be processed, and how many may be pending at once.
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
