package faultline.visualizer.paint;

import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.Viewport;
import java.util.BitSet;

/**
 * What the user is doing: the cursor, the selected event with rings on everything that happened
 * before it (orange) and everything it could have influenced (sky blue), search matches, the point
 * where a re-run diverged, and the pinned lane labels on top of it all.
 */
final class OverlayPainter {

  void paint(Surface surface, Frame frame) {
    Viewport viewport = frame.viewport();
    Timeline timeline = frame.timeline();
    double bottom = viewport.laneTop(frame.rows());
    int first = timeline.firstEventAtOrAfter(viewport.startNanos());
    int last = timeline.firstEventAtOrAfter(viewport.endNanos() + 1);
    surface.begin("overlay", null);
    rings(surface, frame, frame.before(), first, last, Palette.HAPPENED_BEFORE, "happened-before");
    rings(surface, frame, frame.after(), first, last, Palette.COULD_INFLUENCE, "could-influence");
    if (frame.matches() != null) {
      rings(surface, frame, frame.matches(), first, last, Palette.YELLOW, "search-match");
    }
    if (frame.selected() >= 0 && frame.laneVisible(timeline.lane(frame.selected()))) {
      int selected = frame.selected();
      surface.begin("selected", "seq " + (selected + 1));
      surface.circle(
          viewport.x(timeline.timeNanos(selected)),
          frame.laneCentre(timeline.lane(selected)),
          viewport.fontSize() * 0.6,
          null,
          Palette.BLACK);
      surface.end();
    }
    if (frame.divergence() >= 0 && frame.divergence() < timeline.eventCount()) {
      double x = viewport.x(timeline.timeNanos(frame.divergence()));
      surface.begin("divergence", "the re-run diverges here");
      surface.line(x, viewport.axisPx(), x, bottom, Palette.REDDISH_PURPLE, 3, true);
      surface.text(
          x + 4,
          viewport.axisPx() + viewport.fontSize() * 2,
          "runs diverge here",
          viewport.fontSize() * 0.8,
          Palette.REDDISH_PURPLE,
          true,
          Surface.Anchor.START);
      surface.end();
    }
    if (frame.cursor() >= 0 && frame.cursor() < timeline.eventCount()) {
      double x = viewport.x(timeline.timeNanos(frame.cursor()));
      if (x >= viewport.gutterPx()) {
        surface.begin("cursor", null);
        surface.line(x, viewport.axisPx(), x, bottom, Palette.BLACK, 1.5, false);
        surface.end();
      }
    }
    surface.end();
    labels(surface, frame);
  }

  private static void rings(
      Surface surface, Frame frame, BitSet events, int first, int last, Rgb colour, String kind) {
    if (events == null || events.isEmpty()) {
      return;
    }
    Timeline timeline = frame.timeline();
    Viewport viewport = frame.viewport();
    double radius = viewport.fontSize() * 0.42;
    surface.begin(kind, null);
    int drawn = 0;
    for (int event = events.nextSetBit(first);
        event >= 0 && event < last && drawn < 5000;
        event = events.nextSetBit(event + 1)) {
      int lane = timeline.lane(event);
      if (frame.laneVisible(lane)) {
        surface.circle(
            viewport.x(timeline.timeNanos(event)),
            frame.laneCentre(lane),
            radius,
            colour.withAlpha(0.55),
            colour);
        drawn++;
      }
    }
    surface.end();
  }

  private static void labels(Surface surface, Frame frame) {
    Viewport viewport = frame.viewport();
    Timeline timeline = frame.timeline();
    surface.begin("labels", null);
    surface.fillRect(0, 0, viewport.gutterPx(), viewport.heightPx(), Palette.WHITE);
    surface.line(
        viewport.gutterPx(),
        viewport.axisPx(),
        viewport.gutterPx(),
        viewport.heightPx(),
        Palette.GREY,
        1,
        false);
    double size = viewport.fontSize();
    for (int lane = 0; lane < timeline.nodes().size(); lane++) {
      if (frame.laneVisible(lane)) {
        surface.begin("lane-label", timeline.nodes().get(lane));
        surface.text(
            size * 0.4,
            frame.laneCentre(lane) + size * 0.35,
            timeline.nodes().get(lane),
            size,
            Palette.BLACK,
            true,
            Surface.Anchor.START);
        surface.end();
      }
    }
    double top = viewport.laneTop(frame.rows()) + viewport.fontSize() * 0.5;
    for (int row = 0; row < timeline.clientProcesses().size(); row++) {
      surface.text(
          size * 0.4,
          top + (row + 0.75) * viewport.clientRowPx(),
          "client " + timeline.clientProcesses().get(row),
          size * 0.75,
          Palette.BLACK,
          false,
          Surface.Anchor.START);
    }
    surface.text(
        size * 0.4,
        viewport.axisPx() - size * 0.6,
        "time",
        size * 0.85,
        Palette.GREY,
        false,
        Surface.Anchor.START);
    surface.end();
  }
}
