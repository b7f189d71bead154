package faultline.engine.trace;

/** Bounds on what a trace file may hold, so that no input can exhaust a reader's memory. */
public final class TraceLimits {
  /**
   * The longest line a reader accepts, in bytes: 16 MiB, far above any line a run writes (the
   * header with its resolved scenario is the longest, a few kilobytes for the bundled ones).
   */
  public static final int LINE_BYTES_MAX = 16 << 20;

  private TraceLimits() {}
}
