package faultline.protocols.locks;

/** Durations in violation messages and notes, readable and exact to the microsecond. */
public final class TimeText {
  private TimeText() {}

  /** {@code 16_002_000_000} is {@code "16.002s"}; {@code 2_500_000} is {@code "2.5ms"}. */
  public static String format(long nanos) {
    if (nanos < 0) {
      return "-" + format(-nanos);
    }
    if (nanos >= 1_000_000_000L) {
      return decimal(nanos / 1_000L, 1_000_000L) + "s";
    }
    return decimal(nanos / 1_000L, 1_000L) + "ms";
  }

  /** {@code micros / unit} as a decimal without trailing zeros. */
  private static String decimal(long micros, long unit) {
    long whole = micros / unit;
    long fraction = micros % unit;
    if (fraction == 0) {
      return Long.toString(whole);
    }
    String digits = Long.toString(unit + fraction).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + digits.substring(0, end);
  }
}
