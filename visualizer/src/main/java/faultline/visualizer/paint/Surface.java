package faultline.visualizer.paint;

/**
 * Where painters draw: a JavaFX canvas on screen, an SVG document for export. Painters compute the
 * geometry once and both targets receive the same calls.
 */
public interface Surface {
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  /** Opens a named group (an SVG {@code <g class=...>}); the canvas ignores it. */
  void begin(String kind, String title);

  void end();

  void fillRect(double x, double y, double width, double height, Rgb fill);

  void strokeRect(double x, double y, double width, double height, Rgb stroke, double lineWidth);

  void line(
      double x1, double y1, double x2, double y2, Rgb stroke, double lineWidth, boolean dashed);

  void polyline(double[] xs, double[] ys, int count, Rgb stroke, double lineWidth);

  void polygon(double[] xs, double[] ys, Rgb fill);

  void circle(double centreX, double centreY, double radius, Rgb fill, Rgb stroke);

  void text(double x, double y, String text, double size, Rgb fill, boolean bold, Anchor anchor);

  /** Restricts drawing to a rectangle until {@link #unclip()}. */
  void clip(double x, double y, double width, double height);

  void unclip();

  /** Text width estimate shared by both targets, so that labels fit the same way everywhere. */
  static double textWidth(String text, double size) {
    return text.length() * size * 0.58;
  }
}
