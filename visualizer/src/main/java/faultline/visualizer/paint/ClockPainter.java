package faultline.visualizer.paint;

import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.Viewport;

/**
 * Each node's wall clock against true time: a line in the lower part of the lane at height
 * proportional to {@code wall - t}, with true time as the dashed zero line. Offset, drift (a slope)
 * and jumps (a step) can be seen, and the right end says the offset in numbers.
 */
final class ClockPainter {

  void paint(Surface surface, Frame frame) {
    Timeline timeline = frame.timeline();
    long largest = timeline.largestClockOffsetNanos();
    if (largest == 0) {
      return; // Every clock agrees with true time: a flat line would only add clutter.
    }
    Viewport viewport = frame.viewport();
    int lanes = timeline.nodes().size();
    int capacity = (int) viewport.widthPx() * 2 + 8;
    double[][] xs = new double[lanes][capacity];
    double[][] ys = new double[lanes][capacity];
    int[] points = new int[lanes];
    long[] lastOffset = new long[lanes];
    double half = viewport.laneHeightPx() * 0.13;
    int first = Math.max(0, timeline.firstEventAtOrAfter(viewport.startNanos()) - 1);
    int last = timeline.firstEventAtOrAfter(viewport.endNanos() + 1);
    for (int event = first; event < Math.min(last + 1, timeline.eventCount()); event++) {
      int lane = timeline.lane(event);
      long wall = timeline.wallNanos(event);
      if (!frame.laneVisible(lane) || wall == Timeline.NO_CLOCK) {
        continue;
      }
      long offset = wall - timeline.timeNanos(event);
      double x =
          Math.max(
              viewport.gutterPx(),
              Math.min(viewport.widthPx(), viewport.x(timeline.timeNanos(event))));
      double y = zeroY(frame, lane) - (double) offset / largest * half;
      int n = points[lane];
      if (n > 0 && x - xs[lane][n - 1] < 1 && offset == lastOffset[lane]) {
        continue; // Same pixel, same offset: nothing new to draw.
      }
      if (n + 2 > capacity) {
        continue;
      }
      if (n > 0 && offset != lastOffset[lane]) {
        xs[lane][n] = x; // Hold the old offset up to here, so a jump is drawn as a step.
        ys[lane][n] = ys[lane][n - 1];
        n++;
      }
      xs[lane][n] = x;
      ys[lane][n] = y;
      points[lane] = n + 1;
      lastOffset[lane] = offset;
    }
    surface.begin("clocks", null);
    double size = viewport.fontSize() * 0.75;
    for (int lane = 0; lane < lanes; lane++) {
      if (!frame.laneVisible(lane) || points[lane] == 0) {
        continue;
      }
      int n = points[lane];
      double zero = zeroY(frame, lane);
      surface.line(
          viewport.gutterPx(),
          zero,
          viewport.widthPx(),
          zero,
          Palette.CLOCK.withAlpha(0.5),
          1,
          true);
      xs[lane][n] = viewport.widthPx();
      ys[lane][n] = ys[lane][n - 1];
      surface.begin("clock", timeline.nodes().get(lane) + " wall clock");
      surface.polyline(xs[lane], ys[lane], n + 1, Palette.CLOCK, 1.5);
      surface.text(
          viewport.gutterPx() + 3,
          zero + size,
          "clock " + Durations.signed(lastOffset[lane]),
          size,
          Palette.CLOCK,
          true,
          Surface.Anchor.START);
      surface.end();
    }
    surface.end();
  }

  private static double zeroY(Frame frame, int lane) {
    Viewport viewport = frame.viewport();
    return frame.laneCentre(lane) + viewport.laneHeightPx() * 0.31;
  }
}
