package faultline.visualizer.view;

import faultline.visualizer.paint.Rgb;
import faultline.visualizer.paint.Surface;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Draws painters' calls onto a JavaFX canvas. */
public final class CanvasSurface implements Surface {
  private final GraphicsContext graphics;
  private double fontSize = -1;
  private boolean fontBold;

  public CanvasSurface(GraphicsContext graphics) {
    this.graphics = graphics;
    graphics.setTextBaseline(VPos.BASELINE);
  }

  private static Color color(Rgb rgb) {
    return Color.rgb(rgb.red(), rgb.green(), rgb.blue(), Math.max(0, Math.min(1, rgb.alpha())));
  }

  @Override
  public void begin(String kind, String title) {}

  @Override
  public void end() {}

  @Override
  public void fillRect(double x, double y, double width, double height, Rgb fill) {
    graphics.setFill(color(fill));
    graphics.fillRect(x, y, width, height);
  }

  @Override
  public void strokeRect(
      double x, double y, double width, double height, Rgb stroke, double lineWidth) {
    graphics.setStroke(color(stroke));
    graphics.setLineWidth(lineWidth);
    graphics.setLineDashes();
    graphics.strokeRect(x, y, width, height);
  }

  @Override
  public void line(
      double x1, double y1, double x2, double y2, Rgb stroke, double lineWidth, boolean dashed) {
    graphics.setStroke(color(stroke));
    graphics.setLineWidth(lineWidth);
    if (dashed) {
      graphics.setLineDashes(5, 3);
    } else {
      graphics.setLineDashes();
    }
    graphics.strokeLine(x1, y1, x2, y2);
  }

  @Override
  public void polyline(double[] xs, double[] ys, int count, Rgb stroke, double lineWidth) {
    graphics.setStroke(color(stroke));
    graphics.setLineWidth(lineWidth);
    graphics.setLineDashes();
    graphics.strokePolyline(xs, ys, count);
  }

  @Override
  public void polygon(double[] xs, double[] ys, Rgb fill) {
    graphics.setFill(color(fill));
    graphics.fillPolygon(xs, ys, xs.length);
  }

  @Override
  public void circle(double centreX, double centreY, double radius, Rgb fill, Rgb stroke) {
    if (fill != null) {
      graphics.setFill(color(fill));
      graphics.fillOval(centreX - radius, centreY - radius, radius * 2, radius * 2);
    }
    if (stroke != null) {
      graphics.setStroke(color(stroke));
      graphics.setLineWidth(1.5);
      graphics.setLineDashes();
      graphics.strokeOval(centreX - radius, centreY - radius, radius * 2, radius * 2);
    }
  }

  @Override
  public void text(
      double x, double y, String text, double size, Rgb fill, boolean bold, Anchor anchor) {
    if (size != fontSize || bold != fontBold) {
      graphics.setFont(Font.font("SansSerif", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
      fontSize = size;
      fontBold = bold;
    }
    graphics.setFill(color(fill));
    graphics.setTextAlign(
        switch (anchor) {
          case START -> TextAlignment.LEFT;
          case MIDDLE -> TextAlignment.CENTER;
          case END -> TextAlignment.RIGHT;
        });
    graphics.fillText(text, x, y);
  }

  /**
   * Does nothing: a path clip sends every later fill through the software pipeline's mask path,
   * which made frames ten times slower. The gutter is painted over last, and the canvas clips its
   * own edges, so nothing shows where it should not.
   */
  @Override
  public void clip(double x, double y, double width, double height) {}

  @Override
  public void unclip() {}
}
