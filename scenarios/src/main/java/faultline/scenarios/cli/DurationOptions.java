package faultline.scenarios.cli;

import faultline.scenarios.parse.Durations;

/** Durations given as options ({@code --until}, {@code --wall-limit}): one rule for all of them. */
final class DurationOptions {
  private DurationOptions() {}

  /**
   * {@code text} in nanoseconds: a duration with a unit, longer than zero and at most {@link
   * Durations#DURATION_MAX_NANOS} (100 years), the limit a scenario file has too.
   */
  static long positive(String option, String text) {
    long nanos;
    try {
      nanos = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError(option + ": " + e.getMessage());
    }
    if (nanos <= 0) {
      throw new UserError(option + ": must be longer than 0s, got '" + text + "'");
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
