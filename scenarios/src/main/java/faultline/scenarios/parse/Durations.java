package faultline.scenarios.parse;

import faultline.engine.time.NodeClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and clock drifts as people write them in scenario files and on the command line: a
 * number and a unit, exact to the nanosecond (or part per billion).
 *
 * <p>A duration is {@code <digits>[.<digits>]<unit>} with unit {@code ns}, {@code us}, {@code ms},
 * {@code s}, {@code m} (minutes) or {@code h}, such as {@code "150ms"}, {@code "1.5s"} or {@code
 * "500us"}. A fraction is allowed when it gives a whole number of nanoseconds. Signed durations
 * (offsets and jumps) may start with {@code +} or {@code -}. A drift is the same shape with unit
 * {@code ppm} or {@code ppb}: {@code "100ppm"}, {@code "-50ppm"}, {@code "0.5ppm"}, {@code
 * "2000ppb"}.
 *
 * <p>Parse errors are {@link IllegalArgumentException}s whose message is a short reason meant to
 * follow a location, such as {@code must not be negative: "-5s"}.
 */
public final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("([+-]?)([0-9]+)(?:\\.([0-9]+))?(ns|us|ms|s|m|h)");
  private static final Pattern DRIFT = Pattern.compile("([+-]?)([0-9]+)(?:\\.([0-9]+))?(ppm|ppb)");

  /** Units from largest to smallest, so that {@link #format} can prefer the larger on a tie. */
  private static final List<Unit> UNITS =
      List.of(
          new Unit("h", 3_600_000_000_000L),
          new Unit("m", 60_000_000_000L),
          new Unit("s", 1_000_000_000L),
          new Unit("ms", 1_000_000L),
          new Unit("us", 1_000L),
          new Unit("ns", 1L));

  /**
   * The longest duration, offset or jump a scenario may give, and the longest {@code --until}: 100
   * years. Any run of such values still adds up within a long of nanoseconds, so the engine's exact
   * arithmetic never overflows; and one limit for files and options means that every run a command
   * line can start, a trace header can replay.
   */
  public static final long DURATION_MAX_NANOS = 876_600L * 3_600_000_000_000L;

  private static final int MAX_TEXT_LENGTH = 64;

  private static final String DURATION_HINT =
      "write a number and a unit (ns, us, ms, s, m or h), like \"150ms\" or \"1.5s\"";
  private static final String DRIFT_HINT =
      "write a number and a unit (ppm or ppb), like \"100ppm\", \"-50ppm\" or \"2000ppb\"";

  private Durations() {}

  /** A duration that must not be negative, in nanoseconds. */
  public static long parse(String text) {
    return parseDuration(text, false);
  }

  /** A duration that may be negative ({@code "-150ms"}) or explicitly positive ({@code "+5s"}). */
  public static long parseSigned(String text) {
    return parseDuration(text, true);
  }

  private static long parseDuration(String text, boolean signed) {
    Matcher match = matcher(DURATION, text, "not a duration: ", DURATION_HINT);
    if (!signed && match.group(1).equals("-")) {
      throw new IllegalArgumentException("must not be negative: " + Messages.quote(text));
    }
    if (!signed && match.group(1).equals("+")) {
      throw new IllegalArgumentException(
          "a sign is only allowed on offsets and jumps: " + Messages.quote(text));
    }
    long unitNanos = unitNanos(match.group(4));
    BigDecimal value = magnitude(match).multiply(BigDecimal.valueOf(unitNanos));
    return exact(value, text, "nanoseconds", " (the limit is about 292 years)");
  }

  /** A clock drift in parts per billion, within {@link NodeClock#DRIFT_PPB_LIMIT}. */
  public static long parseDriftPpb(String text) {
    Matcher match = matcher(DRIFT, text, "not a drift: ", DRIFT_HINT);
    long unitPpb = match.group(4).equals("ppm") ? 1_000L : 1L;
    BigDecimal value = magnitude(match).multiply(BigDecimal.valueOf(unitPpb));
    long ppb = exact(value, text, "ppb", "");
    if (Math.abs(ppb) > NodeClock.DRIFT_PPB_LIMIT) {
      throw new IllegalArgumentException(
          "a drift must stay within ±"
              + NodeClock.DRIFT_PPB_LIMIT / 1_000
              + "ppm: "
              + Messages.quote(text));
    }
    return ppb;
  }

  /**
   * The shortest exact form of a duration: {@code "150ms"}, {@code "1.5s"}, {@code "-2s"}, {@code
   * "0s"}. On a tie, a whole number beats a fraction ({@code "150ms"}, not {@code "0.15s"}), then
   * the larger unit wins. {@link #parseSigned} reads every result back to the same value.
   */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String best = null;
    boolean bestWhole = false;
    for (Unit unit : UNITS) {
      if (nanos % unit.nonDecimalFactor() != 0) {
        continue; // Not exact in this unit: 10s is 0.1666…m.
      }
      BigDecimal amount =
          new BigDecimal(nanos).divide(BigDecimal.valueOf(unit.nanos())).stripTrailingZeros();
      boolean whole = amount.scale() <= 0;
      String text = amount.toPlainString() + unit.name();
      if (best == null
          || text.length() < best.length()
          || (text.length() == best.length() && whole && !bestWhole)) {
        best = text;
        bestWhole = whole;
      }
    }
    return best;
  }

  /** A drift as {@code "100ppm"} when it is whole ppm, else {@code "1500ppb"}. */
  public static String formatDrift(long ppb) {
    return ppb % 1_000 == 0 ? (ppb / 1_000) + "ppm" : ppb + "ppb";
  }

  private static Matcher matcher(Pattern pattern, String text, String what, String hint) {
    // Long digit strings cannot be valid (they overflow), and refusing them early keeps the
    // BigDecimal arithmetic below cheap whatever a file contains.
    Matcher match = pattern.matcher(text);
    if (text.length() > MAX_TEXT_LENGTH || !match.matches()) {
      throw new IllegalArgumentException(what + Messages.quote(text) + " (" + hint + ")");
    }
    return match;
  }

  private static BigDecimal magnitude(Matcher match) {
    String fraction = match.group(3);
    BigDecimal magnitude =
        new BigDecimal(match.group(2) + (fraction == null ? "" : "." + fraction));
    return match.group(1).equals("-") ? magnitude.negate() : magnitude;
  }

  private static long exact(BigDecimal value, String text, String unitName, String limitNote) {
    BigDecimal whole = value.stripTrailingZeros();
    if (whole.scale() > 0) {
      throw new IllegalArgumentException(
          Messages.quote(text) + " is not a whole number of " + unitName);
    }
    BigInteger integer = whole.toBigIntegerExact();
    if (integer.bitLength() > 63) {
      throw new IllegalArgumentException("too large: " + Messages.quote(text) + limitNote);
    }
    return integer.longValueExact();
  }

  private static long unitNanos(String name) {
    for (Unit unit : UNITS) {
      if (unit.name().equals(name)) {
        return unit.nanos();
      }
    }
    throw new AssertionError("the pattern admits only known units: " + name);
  }

  private record Unit(String name, long nanos) {
    /**
     * The part of the unit that is not made of 2s and 5s: a count of nanoseconds has an exact
     * decimal form in this unit exactly when this divides it (3 for minutes, 9 for hours).
     */
    long nonDecimalFactor() {
      long factor = nanos;
      while (factor % 2 == 0) {
        factor /= 2;
      }
      while (factor % 5 == 0) {
        factor /= 5;
      }
      return factor;
    }
  }
}
