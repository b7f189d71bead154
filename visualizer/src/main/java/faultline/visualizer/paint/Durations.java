package faultline.visualizer.paint;

import java.math.BigDecimal;
import java.util.Locale;

/** Short human times for axes and labels: {@code 150ms}, {@code 1.25s}, {@code -3us}. */
public final class Durations {
  private Durations() {}

  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s"; // The origin of every axis; "0ns" reads as a measurement.
    }
    long magnitude = Math.abs(nanos);
    if (magnitude >= 1_000_000_000L) {
      return trim(nanos, 1_000_000_000L) + "s";
    }
    if (magnitude >= 1_000_000L) {
      return trim(nanos, 1_000_000L) + "ms";
    }
    if (magnitude >= 1_000L) {
      return trim(nanos, 1_000L) + "us";
    }
    return nanos + "ns";
  }

  /** A signed offset: {@code +150ms}, {@code -2ms}, {@code 0}. */
  public static String signed(long nanos) {
    if (nanos == 0) {
      return "±0";
    }
    return (nanos > 0 ? "+" : "") + format(nanos);
  }

  private static String trim(long nanos, long unit) {
    BigDecimal value = BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(unit));
    BigDecimal rounded = value.setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.scale() < 0
        ? rounded.toPlainString()
        : rounded.toPlainString().toLowerCase(Locale.ROOT);
  }
}
