package faultline.visualizer.paint;

/** A surface that only counts what it is asked to draw. */
public final class CountingSurface implements Surface {
  private long calls;
  private long arrows;

  @Override
  public void begin(String kind, String title) {
    if (kind.startsWith("message")) {
      arrows++;
    }
  }

  @Override
  public void end() {}

  @Override
  public void fillRect(double x, double y, double width, double height, Rgb fill) {
    calls++;
  }

  @Override
  public void strokeRect(double x, double y, double width, double height, Rgb stroke, double w) {
    calls++;
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Rgb stroke, double w, boolean d) {
    calls++;
  }

  @Override
  public void polyline(double[] xs, double[] ys, int count, Rgb stroke, double lineWidth) {
    calls++;
  }

  @Override
  public void polygon(double[] xs, double[] ys, Rgb fill) {
    calls++;
  }

  @Override
  public void circle(double centreX, double centreY, double radius, Rgb fill, Rgb stroke) {
    calls++;
  }

  @Override
  public void text(double x, double y, String text, double size, Rgb fill, boolean b, Anchor a) {
    calls++;
  }

  @Override
  public void clip(double x, double y, double width, double height) {}

  @Override
  public void unclip() {}

  public long calls() {
    return calls;
  }

  public long arrows() {
    return arrows;
  }
}
