package faultline.protocols.truetime;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Mistakes in the use of TrueTime that a scenario can plant (the bug zoo), each replacing one rule
 * of the configuration, to show that the external-consistency check catches them.
 */
public enum TrueTimeBug {
  /** The commit timestamp is TT.now().earliest rather than latest (§4.1.2, Start). */
  TIMESTAMP_FROM_EARLIEST,
  /** The commit wait ends when the local clock passes the timestamp, not when TT.after is true. */
  WAIT_ON_LOCAL_CLOCK;

  /** The name scenario files use: the constant in lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(TrueTimeBug::label).toList();
  }

  public static TrueTimeBug ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
