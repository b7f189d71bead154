package faultline.visualizer.paint;

import faultline.visualizer.trace.EventKind;
import faultline.visualizer.trace.Spans.ClientOperation;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.Viewport;
import java.util.List;

/**
 * Marks for events that are not message ends (timers, notes, faults, protocol records), violations
 * as large triangles on their lane, and client operations as bars under the lanes.
 */
final class EventPainter {
  /** Above this many events in view only violations get their own marks. */
  static final int MARKS_MAX = 1500;

  void paintMarks(Surface surface, Frame frame) {
    Viewport viewport = frame.viewport();
    Timeline timeline = frame.timeline();
    int first = timeline.firstEventAtOrAfter(viewport.startNanos());
    int last = timeline.firstEventAtOrAfter(viewport.endNanos() + 1);
    if (last - first > MARKS_MAX) {
      return;
    }
    double radius = viewport.fontSize() * 0.22;
    surface.begin("events", null);
    for (int event = first; event < last; event++) {
      int lane = timeline.lane(event);
      if (!frame.laneVisible(lane)) {
        continue;
      }
      double x = viewport.x(timeline.timeNanos(event));
      double y = frame.laneCentre(lane);
      double alpha = frame.faded(event) ? 0.3 : 1.0;
      EventKind kind = timeline.kind(event);
      switch (kind) {
        case TIMER ->
            surface.circle(x, y, radius, Palette.WHITE.fade(alpha), Palette.BLACK.fade(alpha));
        case NOTE, APPLY, OTHER, CLIENT ->
            surface.circle(x, y, radius * 0.8, Palette.GREY.fade(alpha), null);
        case STATE ->
            surface.line(
                x, y - radius * 2.2, x, y + radius * 2.2, Palette.BLACK.fade(alpha), 1.5, false);
        case CRASH -> ArrowPainter.cross(surface, x, y, radius * 2, Palette.BLACK.fade(alpha));
        case RESTART, START ->
            surface.polygon(
                new double[] {x, x + radius * 2, x},
                new double[] {y - radius * 2, y, y + radius * 2},
                Palette.BLUISH_GREEN.fade(alpha));
        case PAUSE, RESUME -> {
          surface.line(
              x - radius * 0.7,
              y - radius * 2,
              x - radius * 0.7,
              y + radius * 2,
              Palette.BLACK.fade(alpha),
              2,
              false);
          surface.line(
              x + radius * 0.7,
              y - radius * 2,
              x + radius * 0.7,
              y + radius * 2,
              Palette.BLACK.fade(alpha),
              2,
              false);
        }
        case CLOCK -> surface.circle(x, y, radius * 1.6, null, Palette.CLOCK.fade(alpha));
        default -> {}
      }
    }
    surface.end();
  }

  void paintViolations(Surface surface, Frame frame) {
    Viewport viewport = frame.viewport();
    Timeline timeline = frame.timeline();
    double size = viewport.fontSize() * 0.7;
    surface.begin("violations", null);
    for (int event : timeline.violations()) {
      long t = timeline.timeNanos(event);
      if (t < viewport.startNanos() || t > viewport.endNanos()) {
        continue;
      }
      int lane = timeline.lane(event);
      double x = viewport.x(t);
      double y =
          frame.laneVisible(lane)
              ? frame.laneCentre(lane) - viewport.laneHeightPx() * 0.12
              : viewport.axisPx() + size;
      surface.begin("violation", "violation at seq " + (event + 1));
      surface.polygon(
          new double[] {x, x - size, x + size},
          new double[] {y - size * 1.7, y, y},
          Palette.VIOLATION);
      surface.text(x, y - size * 0.25, "!", size, Palette.WHITE, true, Surface.Anchor.MIDDLE);
      surface.end();
    }
    surface.end();
  }

  void paintClientOperations(Surface surface, Frame frame) {
    Timeline timeline = frame.timeline();
    List<String> processes = timeline.clientProcesses();
    if (processes.isEmpty()) {
      return;
    }
    Viewport viewport = frame.viewport();
    double top = viewport.laneTop(frame.rows()) + viewport.fontSize() * 0.5;
    double row = viewport.clientRowPx();
    double size = viewport.fontSize() * 0.7;
    surface.begin("client-operations", null);
    for (ClientOperation operation : timeline.clientOperations()) {
      if (!StretchPainter.overlaps(viewport, operation.startNanos(), operation.endNanos())) {
        continue;
      }
      int index = processes.indexOf(operation.process());
      double y = top + index * row;
      double left = Math.max(viewport.gutterPx(), viewport.x(operation.startNanos()));
      double right = Math.min(viewport.widthPx(), viewport.x(operation.endNanos()));
      double alpha = frame.faded(operation.invokeIndex()) ? 0.3 : 1.0;
      surface.begin(
          "client-op " + operation.outcome(), operation.op() + " → " + operation.outcome());
      surface.fillRect(
          left,
          y + 2,
          Math.max(2, right - left),
          row - 4,
          Palette.outcome(operation.outcome()).withAlpha(0.75 * alpha));
      String label = StretchPainter.fit(operation.op(), right - left - 4, size);
      if (!label.isEmpty()) {
        surface.text(
            left + 2, y + row - 5, label, size, Palette.WHITE, false, Surface.Anchor.START);
      }
      surface.end();
    }
    surface.end();
  }
}
