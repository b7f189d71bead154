package faultline.visualizer.paint;

import faultline.visualizer.trace.Message;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.Viewport;

/**
 * Message arrows from send to delivery, head at the receiver. A dropped message's line ends where
 * it was lost, with a cross and the reason; a duplicate leaves the same send point in another
 * colour, labelled, so that it does not come out of nowhere; a message still in flight when the run
 * ended is dashed to the edge. Too many arrows to tell apart become a density strip per lane.
 */
final class ArrowPainter {
  /** Above this many messages in view, individual arrows turn into density. */
  static final int ARROWS_MAX = 600;

  private static final int LABELS_MAX = 150;

  void paint(Surface surface, Frame frame) {
    Viewport viewport = frame.viewport();
    Timeline timeline = frame.timeline();
    int[] visible = new int[1];
    timeline.messagesOverlapping(viewport.startNanos(), viewport.endNanos(), index -> visible[0]++);
    surface.clip(
        viewport.gutterPx(), 0, viewport.widthPx() - viewport.gutterPx(), viewport.heightPx());
    surface.begin("arrows", null);
    if (visible[0] > ARROWS_MAX) {
      new DensityPainter().paint(surface, frame, visible[0]);
    } else {
      boolean labels = visible[0] <= LABELS_MAX;
      timeline.messagesOverlapping(
          viewport.startNanos(),
          viewport.endNanos(),
          index -> paintMessage(surface, frame, timeline.messages().get(index), labels));
    }
    surface.end();
    surface.unclip();
  }

  private void paintMessage(Surface surface, Frame frame, Message message, boolean labels) {
    if (!frame.laneVisible(message.from())
        || message.to() < 0
        || frame.hiddenMessageTypes().contains(message.type())) {
      return;
    }
    Timeline timeline = frame.timeline();
    Viewport viewport = frame.viewport();
    double x1 = viewport.x(timeline.timeNanos(message.sendIndex()));
    double y1 = frame.laneCentre(message.from());
    boolean toVisible = frame.laneVisible(message.to());
    double y2 = toVisible ? frame.laneCentre(message.to()) : y1;
    double alpha = frame.faded(message.sendIndex()) ? 0.25 : 1.0;
    double width = emphasis(frame, message);
    String title = message.type() + " #" + message.id();
    if (message.delivered() && toVisible) {
      double x2 = viewport.x(timeline.timeNanos(message.deliverIndex()));
      surface.begin("message delivered", title);
      arrow(surface, x1, y1, x2, y2, Palette.DELIVERED.fade(alpha), width, false);
      if (labels) {
        label(surface, frame, message.type(), x1, y1, x2, y2, Palette.BLACK.fade(alpha));
      }
      surface.end();
    }
    if (message.duplicated() && toVisible) {
      double x2 = viewport.x(timeline.timeNanos(message.duplicateIndex()));
      surface.begin("message duplicate", title + " (duplicate)");
      arrow(surface, x1, y1, x2, y2, Palette.DUPLICATE.fade(alpha), width, true);
      if (labels) {
        label(
            surface, frame, "dup " + message.type(), x1, y1, x2, y2, Palette.DUPLICATE.fade(alpha));
      }
      surface.end();
    }
    if (message.dropped()) {
      int dropIndex = message.dropIndex();
      boolean atReceiver =
          timeline.lane(dropIndex) == message.to() && message.to() != message.from();
      double x2 = viewport.x(timeline.timeNanos(dropIndex));
      double y2Drop = atReceiver ? y2 : y1 + (y2 - y1) * 0.35;
      if (!atReceiver) {
        x2 = Math.max(x2, x1 + viewport.fontSize()); // Cut when sent: a stub toward the target.
      }
      surface.begin("message dropped", title + " dropped: " + message.dropReason());
      surface.line(x1, y1, x2, y2Drop, Palette.DROPPED.fade(alpha), width, true);
      cross(surface, x2, y2Drop, viewport.fontSize() * 0.35, Palette.DROPPED.fade(alpha));
      if (labels) {
        surface.text(
            x2 + 4,
            y2Drop - 3,
            message.type() + " ✕ " + message.dropReason(),
            viewport.fontSize() * 0.75,
            Palette.DROPPED.fade(alpha),
            false,
            Surface.Anchor.START);
      }
      surface.end();
    }
    if (message.inFlight() && toVisible) {
      double x2 = viewport.x(timeline.endNanos());
      surface.begin("message in-flight", title + " in flight when the run ended");
      surface.line(x1, y1, x2, y1 + (y2 - y1) * 0.5, Palette.GREY.fade(alpha), width, true);
      surface.end();
    }
  }

  private static double emphasis(Frame frame, Message message) {
    int selected = frame.selected();
    if (selected >= 0
        && (message.sendIndex() == selected
            || message.deliverIndex() == selected
            || message.dropIndex() == selected
            || message.duplicateIndex() == selected)) {
      return 3.5;
    }
    return 1.4;
  }

  static void arrow(
      Surface surface,
      double x1,
      double y1,
      double x2,
      double y2,
      Rgb colour,
      double width,
      boolean dashed) {
    surface.line(x1, y1, x2, y2, colour, width, dashed);
    double angle = Math.atan2(y2 - y1, x2 - x1);
    double head = 7 + width;
    surface.polygon(
        new double[] {x2, x2 - head * Math.cos(angle - 0.4), x2 - head * Math.cos(angle + 0.4)},
        new double[] {y2, y2 - head * Math.sin(angle - 0.4), y2 - head * Math.sin(angle + 0.4)},
        colour);
  }

  static void cross(Surface surface, double x, double y, double radius, Rgb colour) {
    surface.line(x - radius, y - radius, x + radius, y + radius, colour, 2, false);
    surface.line(x - radius, y + radius, x + radius, y - radius, colour, 2, false);
  }

  private static void label(
      Surface surface,
      Frame frame,
      String text,
      double x1,
      double y1,
      double x2,
      double y2,
      Rgb colour) {
    double size = frame.viewport().fontSize() * 0.72;
    double length = Math.hypot(x2 - x1, y2 - y1);
    if (length < Surface.textWidth(text, size) * 1.1) {
      return;
    }
    surface.text(
        (x1 + x2) / 2 + 3,
        (y1 + y2) / 2 - 3,
        StretchLabels.cut(text, 48),
        size,
        colour,
        false,
        Surface.Anchor.START);
  }
}
