package faultline.visualizer.viewmodel;

/**
 * What part of the run is on screen, and how big: the time window, the pixel size and the font
 * size. Pure geometry; the painters and the hit tests share it.
 */
public record Viewport(
    long startNanos,
    long endNanos,
    double widthPx,
    double heightPx,
    double fontSize,
    double laneHeightPx) {

  public Viewport {
    if (endNanos <= startNanos) {
      endNanos = startNanos + 1;
    }
  }

  /** A viewport with the smallest readable lanes. */
  public Viewport(
      long startNanos, long endNanos, double widthPx, double heightPx, double fontSize) {
    this(startNanos, endNanos, widthPx, heightPx, fontSize, fontSize * 3.6);
  }

  /** Stretches the lanes to use the height, up to a limit, so that few lanes do not huddle. */
  public Viewport filling(int lanes, int clientRows) {
    double available =
        heightPx
            - axisPx()
            - (clientRows > 0 ? fontSize + clientRows * clientRowPx() : 0)
            - fontSize;
    double lane = Math.max(fontSize * 3.6, Math.min(fontSize * 9, available / Math.max(1, lanes)));
    return new Viewport(startNanos, endNanos, widthPx, heightPx, fontSize, lane);
  }

  /** Left gutter that holds the pinned lane labels. */
  public double gutterPx() {
    return fontSize * 6.5;
  }

  /** Height of the time axis at the top. */
  public double axisPx() {
    return fontSize * 2.2;
  }

  public double clientRowPx() {
    return fontSize * 1.5;
  }

  public double plotWidthPx() {
    return Math.max(1, widthPx - gutterPx() - fontSize);
  }

  public double x(long nanos) {
    return gutterPx() + (double) (nanos - startNanos) / (endNanos - startNanos) * plotWidthPx();
  }

  public long nanosAt(double x) {
    return startNanos + Math.round((x - gutterPx()) / plotWidthPx() * (endNanos - startNanos));
  }

  public double nanosPerPx() {
    return (endNanos - startNanos) / plotWidthPx();
  }

  /** Top of the row'th visible lane. */
  public double laneTop(int row) {
    return axisPx() + row * laneHeightPx();
  }

  public double laneCentre(int row) {
    return laneTop(row) + laneHeightPx() * 0.5;
  }

  public Viewport withWindow(long start, long end) {
    return new Viewport(start, end, widthPx, heightPx, fontSize, laneHeightPx);
  }
}
