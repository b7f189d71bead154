package faultline.scenarios.cli;

import faultline.scenarios.shrink.ShrinkSize;
import faultline.scenarios.shrink.Shrinker;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shrink's progress on standard error: one line for every reduction kept (what changed, runs so
 * far, the size now, time so far), and, on a terminal, the live line of {@link ProgressLine}.
 */
final class ShrinkProgress implements Shrinker.Listener {
  private final PrintWriter err;
  private final String name;
  private final long startedNanos;
  private volatile int runs;
  private volatile ShrinkSize current;

  ShrinkProgress(PrintWriter err, String name, long startedNanos) {
    this.err = err;
    this.name = name;
    this.startedNanos = startedNanos;
  }

  @Override
  public void tried(int runs, ShrinkSize current) {
    this.runs = runs;
    this.current = current;
  }

  @Override
  public void reduced(String change, int runs, ShrinkSize current) {
    tried(runs, current);
    ProgressLine.aside(
        () -> {
          err.printf(
              Locale.ROOT,
              "shrink: run %d, %.1f s: %s: %s%n",
              runs,
              seconds(),
              change,
              size(current));
          err.flush();
        });
  }

  /** The live line: what is being shrunk, how far it got. */
  String describe() {
    ShrinkSize size = current;
    return String.format(
        Locale.ROOT,
        "shrinking %s: %d runs, %.0f s%s",
        name,
        runs,
        seconds(),
        size == null ? "" : ", now " + size(size));
  }

  private double seconds() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static String size(ShrinkSize size) {
    return String.format(
        Locale.ROOT,
        "%d faults, %,d events, violation at %s",
        size.faults(),
        size.events(),
        ShrinkSize.readable(size.violationNanos()));
  }
}
