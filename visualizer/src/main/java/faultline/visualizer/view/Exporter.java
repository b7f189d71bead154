package faultline.visualizer.view;

import faultline.visualizer.paint.CaptionLines;
import faultline.visualizer.paint.Frame;
import faultline.visualizer.paint.SvgSurface;
import faultline.visualizer.paint.TimelinePainter;
import faultline.visualizer.viewmodel.Viewport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * Writes a frame as SVG (straight from the painters) or PNG (the same painters on an off-screen
 * canvas, snapshotted; needs the JavaFX thread but no window or display).
 */
public final class Exporter {
  private Exporter() {}

  /** The frame with room below for a title and the legend. */
  public static Frame withLegendRoom(Frame frame) {
    return withLegendRoom(frame, "");
  }

  /** The frame with room below for the title, its caption lines and the legend. */
  public static Frame withLegendRoom(Frame frame, String title) {
    Viewport viewport = frame.viewport();
    double height =
        Frame.heightFor(viewport, frame.rows(), frame.timeline().clientProcesses().size())
            + viewport.fontSize() * 4
            + CaptionLines.heightPx(title, viewport.widthPx(), viewport.fontSize());
    Viewport taller =
        new Viewport(
            viewport.startNanos(),
            viewport.endNanos(),
            viewport.widthPx(),
            height,
            viewport.fontSize(),
            viewport.laneHeightPx());
    return frame.withViewport(taller);
  }

  public static String svg(Frame frame, String title) {
    Frame whole = withLegendRoom(frame, title);
    SvgSurface surface = new SvgSurface(whole.viewport().widthPx(), whole.viewport().heightPx());
    new TimelinePainter().paintWithLegend(surface, whole, title);
    return surface.document();
  }

  public static void writeSvg(Frame frame, String title, Path out) throws IOException {
    Files.writeString(out, svg(frame, title));
  }

  /** Paints and writes a PNG; call on the JavaFX application thread. */
  public static void writePng(Frame frame, String title, Path out) throws IOException {
    Frame whole = withLegendRoom(frame, title);
    int width = (int) Math.ceil(whole.viewport().widthPx());
    int height = (int) Math.ceil(whole.viewport().heightPx());
    Canvas canvas = new Canvas(width, height);
    new TimelinePainter()
        .paintWithLegend(new CanvasSurface(canvas.getGraphicsContext2D()), whole, title);
    writePng(canvas, out);
  }

  /** Snapshots a painted canvas into a PNG file; call on the JavaFX application thread. */
  public static void writePng(Canvas canvas, Path out) throws IOException {
    int width = (int) Math.ceil(canvas.getWidth());
    int height = (int) Math.ceil(canvas.getHeight());
    SnapshotParameters parameters = new SnapshotParameters();
    parameters.setFill(Color.WHITE);
    WritableImage image = canvas.snapshot(parameters, null);
    PixelReader pixels = image.getPixelReader();
    BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        buffered.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    if (!ImageIO.write(buffered, "png", out.toFile())) {
      throw new IOException("no PNG writer in this Java runtime");
    }
  }
}
