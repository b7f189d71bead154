package faultline.visualizer.paint;

import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.Viewport;

/**
 * What too many events look like: per lane, columns a few pixels wide shaded by how many events
 * fall in them (on a log scale), so that bursts, quiet stretches and outages still show at any
 * zoom, at a cost bounded by the window's width rather than the run's length.
 */
final class DensityPainter {
  private static final int COLUMN_PX = 3;

  void paint(Surface surface, Frame frame, int messagesInView) {
    Viewport viewport = frame.viewport();
    Timeline timeline = frame.timeline();
    int columns = (int) Math.ceil(viewport.plotWidthPx() / COLUMN_PX) + 1;
    int lanes = timeline.nodes().size();
    int[][] counts = new int[lanes][columns];
    int first = timeline.firstEventAtOrAfter(viewport.startNanos());
    int last = timeline.firstEventAtOrAfter(viewport.endNanos() + 1);
    int busiest = 1;
    for (int event = first; event < last; event++) {
      int lane = timeline.lane(event);
      if (lane < 0) {
        continue;
      }
      int column =
          (int) ((viewport.x(timeline.timeNanos(event)) - viewport.gutterPx()) / COLUMN_PX);
      if (column >= 0 && column < columns) {
        busiest = Math.max(busiest, ++counts[lane][column]);
      }
    }
    double logBusiest = Math.log1p(busiest);
    double half = viewport.laneHeightPx() * 0.22;
    surface.begin("density", messagesInView + " messages in view");
    for (int lane = 0; lane < lanes; lane++) {
      if (!frame.laneVisible(lane)) {
        continue;
      }
      double centre = frame.laneCentre(lane);
      for (int column = 0; column < columns; column++) {
        int count = counts[lane][column];
        if (count > 0) {
          double alpha = 0.15 + 0.85 * Math.log1p(count) / logBusiest;
          surface.fillRect(
              viewport.gutterPx() + column * COLUMN_PX,
              centre - half,
              COLUMN_PX,
              half * 2,
              Palette.DELIVERED.withAlpha(alpha));
        }
      }
    }
    surface.text(
        viewport.gutterPx() + 6,
        viewport.laneTop(frame.rows()) + viewport.fontSize(),
        String.format(
            java.util.Locale.ROOT,
            "%,d messages in view: showing density; zoom in for arrows",
            messagesInView),
        viewport.fontSize() * 0.8,
        Palette.BLACK,
        false,
        Surface.Anchor.START);
    surface.end();
  }
}
