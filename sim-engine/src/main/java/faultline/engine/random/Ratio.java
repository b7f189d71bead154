package faultline.engine.random;

import faultline.engine.Check;

/**
 * A probability as an exact fraction, so that {@code chance(1/20)} is decided in integers and never
 * depends on floating-point rounding.
 */
public record Ratio(long numerator, long denominator) {
  public static final Ratio ZERO = new Ratio(0, 1);
  public static final Ratio ONE = new Ratio(1, 1);

  public Ratio {
    Check.argument(denominator > 0, "denominator must be positive: %s", denominator);
    Check.argument(
        numerator >= 0 && numerator <= denominator,
        "a probability lies in [0, 1]: %s/%s",
        numerator,
        denominator);
  }

  public static Ratio of(long numerator, long denominator) {
    return new Ratio(numerator, denominator);
  }

  /**
   * Parses a decimal probability such as {@code "0.05"} or {@code "1"} exactly, as 5/100 or 1/1.
   *
   * @throws IllegalArgumentException if the text is not a decimal in [0, 1] with at most 9
   *     fractional digits.
   */
  public static Ratio parseDecimal(String text) {
    Check.argument(text.matches("[0-9]+(\\.[0-9]{1,9})?"), "not a decimal probability: %s", text);
    int dot = text.indexOf('.');
    long denominator = 1;
    long numerator;
    if (dot < 0) {
      numerator = Long.parseLong(text);
    } else {
      String fraction = text.substring(dot + 1);
      for (int i = 0; i < fraction.length(); i++) {
        denominator *= 10;
      }
      numerator = Long.parseLong(text.substring(0, dot)) * denominator + Long.parseLong(fraction);
    }
    Check.argument(numerator <= denominator, "a probability lies in [0, 1]: %s", text);
    return new Ratio(numerator, denominator);
  }

  public boolean isZero() {
    return numerator == 0;
  }

  public boolean isOne() {
    return numerator == denominator;
  }

  public double toDouble() {
    return (double) numerator / denominator;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
