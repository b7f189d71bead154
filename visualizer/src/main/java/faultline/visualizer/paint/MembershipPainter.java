package faultline.visualizer.paint;

import faultline.visualizer.trace.MemberState;
import faultline.visualizer.trace.Membership.Segment;
import faultline.visualizer.trace.Spans.Outage;
import faultline.visualizer.viewmodel.Viewport;
import java.util.List;

/**
 * Paints the membership view on the timeline's time axis. With a member chosen: its ground truth
 * (up, paused, crashed) on top, then one row per member showing how that member held it over time
 * (colour by state, incarnation in the label, false positives edged in vermillion), and the gossip
 * spread of one update over them. With none chosen, {@link MembershipCountsPainter} draws every
 * member at once.
 */
public final class MembershipPainter {
  private static final MemberState[] DRAW_ORDER = {
    MemberState.ALIVE, MemberState.LEFT, MemberState.SUSPECT, MemberState.FAULTY
  };
  private final MembershipCountsPainter counts = new MembershipCountsPainter();
  private final SpreadPainter spread = new SpreadPainter();

  public void paint(Surface surface, MembershipFrame frame) {
    Viewport viewport = frame.viewport();
    surface.begin("membership", null);
    surface.fillRect(0, 0, viewport.widthPx(), viewport.heightPx(), Palette.WHITE);
    BackgroundPainter.paintAxis(surface, viewport);
    if (frame.views() != null && !frame.views().isEmpty()) {
      stripes(surface, frame);
      if (frame.aboutOneMember()) {
        truth(surface, frame);
        views(surface, frame);
        spread.paint(surface, frame);
      } else {
        counts.paint(surface, frame);
      }
      cursor(surface, frame);
      gutter(surface, frame);
    }
    surface.end();
  }

  private static void stripes(Surface surface, MembershipFrame frame) {
    RowLayout layout = frame.layout();
    if (layout.rowPx() < 6) {
      return;
    }
    for (int row = 1; row < layout.rows(); row += 2) {
      surface.fillRect(
          0,
          layout.rowTop(row),
          frame.viewport().widthPx(),
          layout.rowPx(),
          Palette.LIGHT_GREY.withAlpha(0.45));
    }
  }

  /** The chosen member's real state: paused and crashed stretches, from the run itself. */
  private static void truth(Surface surface, MembershipFrame frame) {
    Viewport viewport = frame.viewport();
    double font = viewport.fontSize();
    double top = frame.truthTopPx() + font * 0.2;
    double height = font * 1.1;
    surface.line(
        viewport.gutterPx(),
        top + height / 2,
        viewport.widthPx(),
        top + height / 2,
        Palette.BLUISH_GREEN,
        2,
        false);
    for (Outage outage : frame.timeline().outages()) {
      if (outage.lane() != frame.subject()) {
        continue;
      }
      double left = Math.max(viewport.gutterPx(), viewport.x(outage.startNanos()));
      double right = Math.min(viewport.widthPx(), viewport.x(outage.endNanos()));
      if (right <= left) {
        continue;
      }
      Rgb fill = outage.crash() ? Palette.BLACK.withAlpha(0.8) : Palette.GREY.withAlpha(0.55);
      surface.fillRect(left, top, right - left, height, fill);
      String label =
          StretchPainter.fit(outage.crash() ? "crashed" : "paused", right - left - 4, font * 0.75);
      surface.text(
          left + 3,
          top + font * 0.85,
          label,
          font * 0.75,
          outage.crash() ? Palette.WHITE : Palette.BLACK,
          true,
          Surface.Anchor.START);
    }
  }

  /** Each observer's stretches; in a grouped row the worse states are drawn over the better. */
  private static void views(Surface surface, MembershipFrame frame) {
    Viewport viewport = frame.viewport();
    RowLayout layout = frame.layout();
    double band = layout.rowPx() * (layout.rowPx() >= 6 ? 0.76 : 1.0);
    surface.begin("views", null);
    for (MemberState state : DRAW_ORDER) {
      for (int observer = 0; observer < frame.segments().size(); observer++) {
        int row = layout.rowOf(observer);
        double top = layout.rowTop(row) + (layout.rowPx() - band) / 2;
        for (Segment s : frame.segments().get(observer)) {
          if (s.state() == state
              && s.endNanos() >= viewport.startNanos()
              && s.startNanos() <= viewport.endNanos()) {
            segment(surface, frame, s, top, band);
          }
        }
      }
    }
    surface.end();
  }

  private static void segment(
      Surface surface, MembershipFrame frame, Segment s, double top, double band) {
    Viewport viewport = frame.viewport();
    double left = Math.max(viewport.gutterPx(), viewport.x(s.startNanos()));
    double right = Math.min(viewport.widthPx(), viewport.x(s.endNanos()));
    boolean news = s.state() == MemberState.SUSPECT || s.state() == MemberState.FAULTY;
    if (right - left < (news ? 0 : 0.5)) {
      return;
    }
    double width = Math.max(news ? 1.5 : 0, right - left);
    surface.fillRect(left, top, width, band, Palette.memberState(s.state()));
    if (width >= 3) {
      surface.line(left, top, left, top + band, Palette.GREY, 1, false); // Where it changed.
    }
    if (s.state() == MemberState.SUSPECT && band >= 6) {
      surface.line(left, top + 0.5, left + width, top + 0.5, Palette.BLACK, 1, true);
      surface.line(left, top + band - 0.5, left + width, top + band - 0.5, Palette.BLACK, 1, true);
    }
    if (s.falsePositive()) {
      double edge = Math.max(1.5, Math.min(4, band * 0.2));
      surface.fillRect(left, top, width, edge, Palette.FALSE_POSITIVE);
      surface.fillRect(left, top + band - edge, width, edge, Palette.FALSE_POSITIVE);
    }
    if (frame.layout().oneEach() && band >= frame.viewport().fontSize() * 0.9) {
      double size = Math.min(frame.viewport().fontSize() * 0.75, band * 0.8);
      String text = StretchPainter.fit(label(s), right - left - 4, size);
      if (!text.isEmpty()) {
        Rgb ink = s.state() == MemberState.FAULTY ? Palette.WHITE : Palette.BLACK;
        surface.text(
            left + 3,
            top + band / 2 + size * 0.35,
            text,
            size,
            ink,
            s.falsePositive(),
            Surface.Anchor.START);
      }
    }
  }

  private static String label(Segment s) {
    String text = s.state().label() + " i" + s.incarnation();
    return s.falsePositive() ? text + " · FALSE POSITIVE" : text;
  }

  private static void cursor(Surface surface, MembershipFrame frame) {
    if (frame.cursorNanos() == Long.MIN_VALUE) {
      return;
    }
    Viewport viewport = frame.viewport();
    double x = viewport.x(frame.cursorNanos());
    if (x < viewport.gutterPx() || x > viewport.widthPx()) {
      return;
    }
    double top = viewport.axisPx();
    surface.fillRect(
        x, top, viewport.widthPx() - x, viewport.heightPx() - top, Palette.WHITE.withAlpha(0.5));
    surface.line(x, top, x, viewport.heightPx(), Palette.BLACK, 1.5, false);
  }

  /** Names in the gutter, painted last so that nothing drawn off the left edge shows. */
  private static void gutter(Surface surface, MembershipFrame frame) {
    Viewport viewport = frame.viewport();
    RowLayout layout = frame.layout();
    List<String> names = frame.views().names();
    double font = viewport.fontSize();
    surface.fillRect(
        0,
        viewport.axisPx(),
        viewport.gutterPx() - 1,
        viewport.heightPx() - viewport.axisPx(),
        Palette.WHITE);
    surface.text(
        4,
        viewport.axisPx() - font * 0.6,
        frame.aboutOneMember() ? "held by ↓" : "every member",
        font * 0.8,
        Palette.GREY,
        false,
        Surface.Anchor.START);
    if (frame.aboutOneMember()) {
      surface.text(
          4,
          frame.truthTopPx() + font * 1.05,
          "truth " + names.get(frame.subject()),
          font * 0.8,
          Palette.BLACK,
          true,
          Surface.Anchor.START);
    }
    double size = Math.min(font * 0.8, layout.rowPx() * 0.85);
    int every = (int) Math.ceil(font * 0.9 / Math.max(0.1, layout.rowPx()));
    for (int row = 0; row < layout.rows(); row += Math.max(1, every)) {
      String label = layout.label(row, names);
      int[] members = layout.members(row);
      boolean subject = members.length == 1 && members[0] == frame.subject();
      double textSize = Math.max(size, font * 0.6);
      surface.text(
          viewport.gutterPx() - 4,
          layout.rowTop(row) + layout.rowPx() / 2 + textSize * 0.35,
          label,
          textSize,
          Palette.BLACK,
          subject,
          Surface.Anchor.END);
    }
  }
}
