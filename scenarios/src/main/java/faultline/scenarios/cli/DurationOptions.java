package faultline.scenarios.cli;

import faultline.scenarios.parse.Durations;

/**
 * Durations given as options ({@code --until}, {@code --wall-limit}, {@code export --from}): one
 * rule for all of them.
 */
public final class DurationOptions {
  private DurationOptions() {}

  /**
   * {@code text} in nanoseconds: a duration with a unit, longer than zero and at most {@link
   * Durations#DURATION_MAX_NANOS} (100 years), the limit a scenario file has too.
   */
  public static long positive(String option, String text) {
    long nanos = notNegative(option, text);
    if (nanos == 0) {
      throw new UserError(option + ": must be longer than 0s, got '" + text + "'");
    }
    return nanos;
  }

  /**
   * {@code text} in nanoseconds: a duration with a unit, 0 or longer (a moment of a run, such as
   * its start; the parser refuses a sign) and at most {@link Durations#DURATION_MAX_NANOS}.
   */
  public static long notNegative(String option, String text) {
    long nanos;
    try {
      nanos = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError(option + ": " + e.getMessage());
    }
    if (nanos > Durations.DURATION_MAX_NANOS) {
      throw new UserError(
          option
              + ": at most "
              + Durations.format(Durations.DURATION_MAX_NANOS)
              + " (100 years), got '"
              + text
              + "'");
    }
    return nanos;
  }
}
