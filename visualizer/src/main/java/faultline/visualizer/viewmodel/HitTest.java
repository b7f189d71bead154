package faultline.visualizer.viewmodel;

import faultline.visualizer.paint.Frame;
import faultline.visualizer.trace.Message;
import faultline.visualizer.trace.Timeline;

/** What lies under the pointer: an event mark on a lane, else the nearest message arrow. */
final class HitTest {
  private HitTest() {}

  static int find(Frame frame, double x, double y) {
    int event = nearestEvent(frame, x, y);
    return event >= 0 ? event : nearestArrowEnd(frame, x, y);
  }

  private static int nearestEvent(Frame frame, double x, double y) {
    Timeline timeline = frame.timeline();
    Viewport viewport = frame.viewport();
    double reach = Math.max(6, viewport.fontSize() * 0.6);
    int first = timeline.firstEventAtOrAfter(viewport.nanosAt(x - reach));
    int last = timeline.firstEventAtOrAfter(viewport.nanosAt(x + reach) + 1);
    int best = -1;
    double bestDistance = reach;
    for (int event = first; event < last && event - first < 100_000; event++) {
      int lane = timeline.lane(event);
      if (!frame.laneVisible(lane)) {
        continue;
      }
      double distance =
          Math.hypot(viewport.x(timeline.timeNanos(event)) - x, frame.laneCentre(lane) - y);
      if (distance <= bestDistance) {
        best = event;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int nearestArrowEnd(Frame frame, double x, double y) {
    Timeline timeline = frame.timeline();
    Viewport viewport = frame.viewport();
    double[] best = {6};
    int[] found = {-1};
    long at = viewport.nanosAt(x);
    long slack = Math.round(viewport.nanosPerPx() * 8);
    timeline.messagesOverlapping(
        at - slack,
        at + slack,
        index -> {
          Message message = timeline.messages().get(index);
          if (!frame.laneVisible(message.from())
              || !frame.laneVisible(message.to())
              || frame.hiddenMessageTypes().contains(message.type())) {
            return;
          }
          int end = message.delivered() ? message.deliverIndex() : message.dropIndex();
          if (end < 0) {
            return;
          }
          double x1 = viewport.x(timeline.timeNanos(message.sendIndex()));
          double y1 = frame.laneCentre(message.from());
          double x2 = viewport.x(timeline.timeNanos(end));
          double y2 = timeline.lane(end) == message.to() ? frame.laneCentre(message.to()) : y1;
          double distance = distanceToSegment(x, y, x1, y1, x2, y2);
          if (distance < best[0]) {
            best[0] = distance;
            found[0] = message.sendIndex();
          }
        });
    return found[0];
  }

  static double distanceToSegment(double x, double y, double x1, double y1, double x2, double y2) {
    double dx = x2 - x1;
    double dy = y2 - y1;
    double lengthSquared = dx * dx + dy * dy;
    double t = lengthSquared == 0 ? 0 : ((x - x1) * dx + (y - y1) * dy) / lengthSquared;
    t = Math.max(0, Math.min(1, t));
    return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
  }
}
