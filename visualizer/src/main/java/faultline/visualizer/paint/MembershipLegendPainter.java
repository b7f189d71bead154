package faultline.visualizer.paint;

import faultline.visualizer.trace.MemberState;

/** The key to the membership view and matrix, in the legend pane and under exported pictures. */
public final class MembershipLegendPainter {
  private static final String[] LABELS = {
    "alive",
    "suspect",
    "faulty",
    "left",
    "false positive (was up)",
    "gossip message",
    "found it itself",
    "paused (truth)",
    "crashed (truth)"
  };

  /** Paints the legend from {@code (x, y)} wrapping at {@code widthPx}; returns its height. */
  public double paint(Surface surface, double x, double y, double widthPx, double fontSize) {
    double size = fontSize * 0.8;
    double item = size * 1.4;
    double cursorX = x;
    double cursorY = y + size;
    surface.begin("membership-legend", null);
    for (int i = 0; i < LABELS.length; i++) {
      double needed = item * 2 + Surface.textWidth(LABELS[i], size) + size;
      if (cursorX + needed > x + widthPx && cursorX > x) {
        cursorX = x;
        cursorY += item;
      }
      swatch(surface, i, cursorX, cursorY - size * 0.35, size);
      surface.text(
          cursorX + item * 1.6,
          cursorY,
          LABELS[i],
          size,
          Palette.BLACK,
          false,
          Surface.Anchor.START);
      cursorX += needed;
    }
    surface.end();
    return cursorY - y + size;
  }

  private static void swatch(Surface surface, int kind, double x, double y, double size) {
    double w = size * 1.8;
    double top = y - size * 0.4;
    double h = size * 0.8;
    switch (kind) {
      case 0 -> surface.fillRect(x, top, w, h, Palette.memberState(MemberState.ALIVE));
      case 1 -> {
        surface.fillRect(x, top, w, h, Palette.memberState(MemberState.SUSPECT));
        surface.line(x, top + 0.5, x + w, top + 0.5, Palette.BLACK, 1, true);
        surface.line(x, top + h - 0.5, x + w, top + h - 0.5, Palette.BLACK, 1, true);
      }
      case 2 -> surface.fillRect(x, top, w, h, Palette.memberState(MemberState.FAULTY));
      case 3 -> surface.fillRect(x, top, w, h, Palette.memberState(MemberState.LEFT));
      case 4 -> {
        surface.fillRect(x, top, w, h, Palette.memberState(MemberState.FAULTY));
        surface.fillRect(x, top, w, h * 0.22, Palette.FALSE_POSITIVE);
        surface.fillRect(x, top + h * 0.78, w, h * 0.22, Palette.FALSE_POSITIVE);
      }
      case 5 ->
          ArrowPainter.arrow(
              surface, x, y + size * 0.3, x + w, y - size * 0.3, Palette.GOSSIP, 1.6, false);
      case 6 -> surface.circle(x + w / 2, y, size * 0.45, null, Palette.ORIGIN);
      case 7 -> surface.line(x, y, x + w, y, Palette.BLUISH_GREEN, 2, false);
      case 8 -> surface.fillRect(x, top, w, h, Palette.GREY.withAlpha(0.55));
      default -> surface.fillRect(x, top, w, h, Palette.BLACK.withAlpha(0.8));
    }
  }
}
