package faultline.visualizer.paint;

/**
 * Draws through another surface in presentation mode: the presentation palette instead of the
 * window's, and every line twice as thick (at least 2.5 px), so that the picture reads from the
 * back of a lecture hall. The painters do not change.
 */
public final class PresentationSurface implements Surface {
  static final double LINE_WIDTH_FACTOR = 2;
  static final double LINE_WIDTH_MIN_PX = 2.5;

  private final Surface target;

  public PresentationSurface(Surface target) {
    this.target = target;
  }

  private static double thick(double lineWidth) {
    return Math.max(LINE_WIDTH_MIN_PX, lineWidth * LINE_WIDTH_FACTOR);
  }

  private static Rgb colour(Rgb colour) {
    return PresentationPalette.of(colour);
  }

  @Override
  public void begin(String kind, String title) {
    target.begin(kind, title);
  }

  @Override
  public void end() {
    target.end();
  }

  @Override
  public void fillRect(double x, double y, double width, double height, Rgb fill) {
    target.fillRect(x, y, width, height, colour(fill));
  }

  @Override
  public void strokeRect(
      double x, double y, double width, double height, Rgb stroke, double lineWidth) {
    target.strokeRect(x, y, width, height, colour(stroke), thick(lineWidth));
  }

  @Override
  public void line(
      double x1, double y1, double x2, double y2, Rgb stroke, double lineWidth, boolean dashed) {
    target.line(x1, y1, x2, y2, colour(stroke), thick(lineWidth), dashed);
  }

  @Override
  public void polyline(double[] xs, double[] ys, int count, Rgb stroke, double lineWidth) {
    target.polyline(xs, ys, count, colour(stroke), thick(lineWidth));
  }

  @Override
  public void polygon(double[] xs, double[] ys, Rgb fill) {
    target.polygon(xs, ys, colour(fill));
  }

  @Override
  public void circle(double centreX, double centreY, double radius, Rgb fill, Rgb stroke) {
    target.circle(centreX, centreY, radius, colour(fill), colour(stroke));
  }

  @Override
  public void text(
      double x, double y, String text, double size, Rgb fill, boolean bold, Anchor anchor) {
    target.text(x, y, text, size, colour(fill), bold, anchor);
  }

  @Override
  public void clip(double x, double y, double width, double height) {
    target.clip(x, y, width, height);
  }

  @Override
  public void unclip() {
    target.unclip();
  }
}
