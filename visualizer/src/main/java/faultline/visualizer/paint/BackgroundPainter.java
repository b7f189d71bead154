package faultline.visualizer.paint;

import faultline.visualizer.viewmodel.Viewport;

/** Lane stripes, the lane lines and the time axis with round-numbered ticks. */
final class BackgroundPainter {
  private static final long[] STEPS_NANOS = stepsNanos();

  void paint(Surface surface, Frame frame) {
    Viewport viewport = frame.viewport();
    surface.begin("background", null);
    surface.fillRect(0, 0, viewport.widthPx(), viewport.heightPx(), Palette.WHITE);
    for (int lane = 0; lane < frame.rowOfLane().length; lane++) {
      if (!frame.laneVisible(lane)) {
        continue;
      }
      int row = frame.rowOfLane()[lane];
      double top = viewport.laneTop(row);
      if (row % 2 == 1) {
        surface.fillRect(
            0,
            top,
            viewport.widthPx(),
            viewport.laneHeightPx(),
            Palette.LIGHT_GREY.withAlpha(0.45));
      }
      double centre = viewport.laneCentre(row);
      surface.line(viewport.gutterPx(), centre, viewport.widthPx(), centre, Palette.GREY, 1, false);
    }
    paintAxis(surface, viewport);
    surface.end();
  }

  /** The time axis across the top, with grid lines down to the bottom. */
  static void paintAxis(Surface surface, Viewport viewport) {
    double size = viewport.fontSize() * 0.85;
    long step = tickStep(viewport.nanosPerPx() * 90);
    long first = Math.floorDiv(viewport.startNanos(), step) * step;
    double bottom = viewport.axisPx();
    surface.line(viewport.gutterPx(), bottom, viewport.widthPx(), bottom, Palette.GREY, 1, false);
    for (long tick = first; tick <= viewport.endNanos(); tick += step) {
      double x = viewport.x(tick);
      if (x < viewport.gutterPx()) {
        continue;
      }
      surface.line(x, bottom - size * 0.4, x, bottom, Palette.GREY, 1, false);
      surface.line(x, bottom, x, viewport.heightPx(), Palette.LIGHT_GREY, 1, false);
      surface.text(
          x,
          bottom - size * 0.6,
          Durations.format(tick),
          size,
          Palette.BLACK,
          false,
          Surface.Anchor.MIDDLE);
    }
  }

  static long tickStep(double minimumNanos) {
    for (long step : STEPS_NANOS) {
      if (step >= minimumNanos) {
        return step;
      }
    }
    return STEPS_NANOS[STEPS_NANOS.length - 1];
  }

  private static long[] stepsNanos() {
    long[] steps = new long[3 * 15];
    long unit = 1;
    for (int i = 0; i < 15; i++) {
      steps[3 * i] = unit;
      steps[3 * i + 1] = unit * 2;
      steps[3 * i + 2] = unit * 5;
      unit *= 10;
    }
    return steps;
  }
}
