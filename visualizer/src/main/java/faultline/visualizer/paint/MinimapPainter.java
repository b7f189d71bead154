package faultline.visualizer.paint;

import faultline.visualizer.trace.Timeline;

/**
 * The whole run in one strip: how many events fall in each column (log-shaded), violations as
 * ticks, the cursor, and a frame around the part the timeline shows. Its cost is the strip's width;
 * the counts are computed once per run and width by {@link #columnCounts}.
 */
public final class MinimapPainter {
  private static final int COLUMN_PX = 2;

  /** Events per {@value #COLUMN_PX}-pixel column over the whole run. */
  public static int[] columnCounts(Timeline timeline, double widthPx) {
    int columns = Math.max(1, (int) (widthPx / COLUMN_PX));
    int[] counts = new int[columns];
    long end = Math.max(1, timeline.endNanos());
    for (int event = 0; event < timeline.eventCount(); event++) {
      int column = (int) Math.min(columns - 1, timeline.timeNanos(event) * columns / end);
      counts[column]++;
    }
    return counts;
  }

  public void paint(
      Surface surface,
      Timeline timeline,
      int[] counts,
      double widthPx,
      double heightPx,
      long windowStartNanos,
      long windowEndNanos,
      int cursor) {
    surface.begin("minimap", "the whole run");
    surface.fillRect(0, 0, widthPx, heightPx, Palette.LIGHT_GREY.withAlpha(0.6));
    int busiest = 1;
    for (int count : counts) {
      busiest = Math.max(busiest, count);
    }
    double logBusiest = Math.log1p(busiest);
    for (int column = 0; column < counts.length; column++) {
      if (counts[column] > 0) {
        double barPx = (heightPx - 4) * (0.2 + 0.8 * Math.log1p(counts[column]) / logBusiest);
        surface.fillRect(
            column * COLUMN_PX,
            heightPx - 2 - barPx,
            COLUMN_PX,
            barPx,
            Palette.DELIVERED.withAlpha(0.55));
      }
    }
    long end = Math.max(1, timeline.endNanos());
    for (int event : timeline.violations()) {
      double x = (double) timeline.timeNanos(event) / end * widthPx;
      surface.line(x, 0, x, heightPx, Palette.VIOLATION, 2, false);
    }
    if (cursor >= 0 && cursor < timeline.eventCount()) {
      double x = (double) timeline.timeNanos(cursor) / end * widthPx;
      surface.line(x, 0, x, heightPx, Palette.BLACK, 1.5, false);
    }
    double left = Math.max(0, (double) windowStartNanos / end * widthPx);
    double right = Math.min(widthPx, (double) windowEndNanos / end * widthPx);
    surface.strokeRect(left, 1, Math.max(3, right - left), heightPx - 2, Palette.BLACK, 2);
    surface.end();
  }
}
