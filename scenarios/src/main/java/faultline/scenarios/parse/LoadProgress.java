package faultline.scenarios.parse;

import java.util.Locale;

/**
 * How far loading a scenario has got, for the progress line a terminal shows while a large file
 * (hundreds of thousands of faults, tens of megabytes) is read: the JSON by characters, then the
 * faults by count. Read from the progress line's thread, hence volatile; a process loads one
 * scenario at a time where the line is shown, and a concurrent load only blurs a courtesy.
 */
public final class LoadProgress {
  private static final int EVERY = 1024; // Updates are cheap, but not free on every element.

  private static volatile String stage;
  private static volatile long done;
  private static volatile long total;

  private LoadProgress() {}

  /** ": reading the JSON, 42%", or "" when nothing is being loaded. */
  public static String describe() {
    String now = stage;
    long all = total;
    if (now == null || all <= 0) {
      return "";
    }
    return String.format(Locale.ROOT, ": %s, %d%%", now, Math.min(100, 100 * done / all));
  }

  /** Called for each element read: records where the parser is, one call in {@value #EVERY}. */
  static void reading(int element, long offset, long length) {
    if (element % EVERY == 0) {
      set("reading the JSON", offset, length);
    }
  }

  /** Called for each fault checked: records how many of the {@code count} are done. */
  static void checkingFault(int index, int count) {
    if (index % EVERY == 0) {
      set("checking " + count + " faults", index, count);
    }
  }

  static void done() {
    stage = null;
  }

  private static void set(String now, long doneSoFar, long all) {
    done = doneSoFar;
    total = all;
    stage = now;
  }
}
