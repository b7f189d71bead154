package faultline.scenarios.cli;

import java.util.Locale;

/**
 * The sweep's live line on a terminal: seeds done of all, failures, speed and the time left at that
 * speed ("sweep raft/random-faults: 120 of 1,000 seeds, 2 failed, 35.1 seeds/s, ETA 25 s").
 */
final class SweepProgress {
  private SweepProgress() {}

  static String describe(String name, int done, int total, int failed, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double perSecond = seconds > 0 ? done / seconds : 0;
    String eta =
        done == 0 || perSecond == 0
            ? "ETA unknown"
            : "ETA " + duration((long) Math.ceil((total - done) / perSecond));
    return String.format(
        Locale.ROOT,
        "sweep %s: %,d of %,d seeds, %,d failed, %.1f seeds/s, %s",
        name,
        done,
        total,
        failed,
        perSecond,
        eta);
  }

  /** {@code 25 s}, {@code 4 min 10 s}, {@code 2 h 5 min}. */
  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
