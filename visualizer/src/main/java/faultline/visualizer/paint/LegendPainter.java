package faultline.visualizer.paint;

/** A key to every mark and colour, drawn under an exported picture and in the legend pane. */
public final class LegendPainter {

  /** Paints the legend from {@code (x, y)} wrapping at {@code widthPx}; returns its height. */
  public double paint(Surface surface, double x, double y, double widthPx, double fontSize) {
    double size = fontSize * 0.8;
    double cursorX = x;
    double cursorY = y + size;
    double item = size * 1.4;
    surface.begin("legend", null);
    String[] labels = {
      "delivered", "duplicate", "dropped (reason)", "leader / holder", "candidate", "follower",
      "crashed", "paused", "partition", "wall clock − true time", "violation", "client ok",
      "client info", "client fail", "happened before", "could influence"
    };
    for (int i = 0; i < labels.length; i++) {
      double needed = item * 2 + Surface.textWidth(labels[i], size) + size;
      if (cursorX + needed > x + widthPx && cursorX > x) {
        cursorX = x;
        cursorY += item;
      }
      swatch(surface, i, cursorX, cursorY - size * 0.35, size);
      surface.text(
          cursorX + item * 1.6,
          cursorY,
          labels[i],
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
    switch (kind) {
      case 0 -> ArrowPainter.arrow(surface, x, y, x + w, y, Palette.DELIVERED, 1.5, false);
      case 1 -> ArrowPainter.arrow(surface, x, y, x + w, y, Palette.DUPLICATE, 1.5, true);
      case 2 -> {
        surface.line(x, y, x + w, y, Palette.DROPPED, 1.5, true);
        ArrowPainter.cross(surface, x + w, y, size * 0.3, Palette.DROPPED);
      }
      case 3 ->
          surface.fillRect(
              x, y - size * 0.4, w, size * 0.8, Palette.role("LEADER").withAlpha(0.45));
      case 4 ->
          surface.fillRect(
              x, y - size * 0.4, w, size * 0.8, Palette.role("CANDIDATE").withAlpha(0.45));
      case 5 ->
          surface.fillRect(
              x, y - size * 0.4, w, size * 0.8, Palette.role("FOLLOWER").withAlpha(0.45));
      case 6 -> surface.fillRect(x, y - size * 0.4, w, size * 0.8, Palette.BLACK.withAlpha(0.28));
      case 7 -> surface.fillRect(x, y - size * 0.4, w, size * 0.8, Palette.GREY.withAlpha(0.18));
      case 8 ->
          surface.fillRect(x, y - size * 0.4, w, size * 0.8, Palette.PARTITION.withAlpha(0.3));
      case 9 -> surface.line(x, y + size * 0.3, x + w, y - size * 0.3, Palette.CLOCK, 2, false);
      case 10 ->
          surface.polygon(
              new double[] {x + w / 2, x + w / 2 - size * 0.5, x + w / 2 + size * 0.5},
              new double[] {y - size * 0.6, y + size * 0.3, y + size * 0.3},
              Palette.VIOLATION);
      case 11 -> surface.fillRect(x, y - size * 0.3, w, size * 0.6, Palette.outcome("ok"));
      case 12 -> surface.fillRect(x, y - size * 0.3, w, size * 0.6, Palette.outcome("info"));
      case 13 -> surface.fillRect(x, y - size * 0.3, w, size * 0.6, Palette.outcome("fail"));
      case 14 ->
          surface.circle(
              x + w / 2,
              y,
              size * 0.4,
              Palette.HAPPENED_BEFORE.withAlpha(0.55),
              Palette.HAPPENED_BEFORE);
      default ->
          surface.circle(
              x + w / 2,
              y,
              size * 0.4,
              Palette.COULD_INFLUENCE.withAlpha(0.55),
              Palette.COULD_INFLUENCE);
    }
  }
}
