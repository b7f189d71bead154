package faultline.visualizer.paint;

import faultline.visualizer.trace.Membership.Learning;
import faultline.visualizer.trace.Membership.Segment;
import faultline.visualizer.trace.Membership.Spread;
import faultline.visualizer.trace.Message;
import faultline.visualizer.viewmodel.Viewport;

/**
 * The gossip spread of one update over the observers' rows: a purple ring where a member reached
 * the news on its own (its timer, its probe, its own refutation), a dot where each member learned
 * it, and a blue arrow from the member that sent the message carrying it, from the send to the
 * delivery: the infection tree, as the run really grew it. Also rings the record selected in the
 * timeline.
 */
final class SpreadPainter {

  void paint(Surface surface, MembershipFrame frame) {
    selection(surface, frame);
    Spread spread = frame.spread();
    if (spread == null || spread.update().member() != frame.subject()) {
      return;
    }
    Viewport viewport = frame.viewport();
    double font = viewport.fontSize();
    boolean labelled = frame.layout().oneEach() && frame.layout().rowPx() >= font * 0.9;
    surface.begin("spread", spread.update().label(frame.views().names()));
    int order = 0;
    for (Learning learning : spread.learned()) {
      order++;
      double x = viewport.x(learning.atNanos());
      double y = frame.rowCentre(learning.observer());
      if (learning.via() >= 0) {
        Message message = frame.timeline().messages().get(learning.via());
        double fromX = viewport.x(frame.timeline().timeNanos(message.sendIndex()));
        double fromY = frame.rowCentre(message.from());
        ArrowPainter.arrow(surface, fromX, fromY, x, y, Palette.GOSSIP, 1.6, false);
      } else {
        surface.circle(x, y, Math.max(4, font * 0.45), null, Palette.ORIGIN);
        surface.circle(x, y, Math.max(3, font * 0.3), null, Palette.ORIGIN);
      }
      surface.circle(x, y, Math.max(2, font * 0.2), Palette.BLACK, null);
      if (labelled) {
        surface.text(
            x + font * 0.4,
            y - font * 0.3,
            "#" + order,
            font * 0.7,
            Palette.BLACK,
            true,
            Surface.Anchor.START);
      }
    }
    surface.end();
  }

  private static void selection(Surface surface, MembershipFrame frame) {
    if (frame.selectedEvent() < 0) {
      return;
    }
    for (var row : frame.segments()) {
      for (Segment s : row) {
        if (s.event() == frame.selectedEvent()) {
          double x = frame.viewport().x(s.startNanos());
          double y = frame.rowCentre(s.observer());
          surface.circle(
              x, y, Math.max(5, frame.viewport().fontSize() * 0.55), null, Palette.BLACK);
          return;
        }
      }
    }
  }
}
