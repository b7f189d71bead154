package faultline.engine.time;

/**
 * The one definition of how many nanoseconds a unit of time holds, for code that writes durations
 * as numbers (virtual time is a {@code long} of nanoseconds everywhere). Import the constants
 * statically: {@code 150 * MILLI}, {@code 10 * SECOND}.
 */
public final class Nanos {
  /** Nanoseconds in a microsecond. */
  public static final long MICRO = 1_000L;

  /** Nanoseconds in a millisecond. */
  public static final long MILLI = 1_000 * MICRO;

  /** Nanoseconds in a second. */
  public static final long SECOND = 1_000 * MILLI;

  /** Nanoseconds in a minute. */
  public static final long MINUTE = 60 * SECOND;

  /** Nanoseconds in an hour. */
  public static final long HOUR = 60 * MINUTE;

  private Nanos() {}
}
