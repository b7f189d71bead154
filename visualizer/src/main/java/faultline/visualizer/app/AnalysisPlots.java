package faultline.visualizer.app;

import faultline.scenarios.analysis.AnalysisPlotter;
import faultline.scenarios.analysis.AnalysisRow;
import faultline.scenarios.analysis.ElectionCdf;
import faultline.visualizer.paint.AnalysisPlotPainter;
import faultline.visualizer.paint.CdfPainter;
import faultline.visualizer.paint.Surface;
import faultline.visualizer.paint.SvgSurface;
import faultline.visualizer.view.CanvasSurface;
import faultline.visualizer.view.Exporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;

/**
 * Draws {@code analyze swim --plot} and {@code experiment raft-figure-16 --plot} with the
 * timeline's painters: SVG straight from them, PNG on an off-screen canvas on OpenJFX's headless
 * platform (no window, no display). Found by the command through ServiceLoader, so JavaFX is loaded
 * only when a PNG is asked for.
 */
public final class AnalysisPlots implements AnalysisPlotter {
  static final double WIDTH_PX = 1400;
  static final double FONT_SIZE = 16;
  static final double CDF_WIDTH_PX = 1000;

  @Override
  public void plot(String title, List<AnalysisRow> rows, Path out) throws IOException {
    double height = AnalysisPlotPainter.heightFor(rows, WIDTH_PX, FONT_SIZE);
    draw(
        out,
        WIDTH_PX,
        height,
        surface -> new AnalysisPlotPainter().paint(surface, rows, title, WIDTH_PX, FONT_SIZE));
  }

  @Override
  public void plotCdfs(String title, List<ElectionCdf> cdfs, Path out) throws IOException {
    double width = CDF_WIDTH_PX;
    double height = CdfPainter.heightFor(width, FONT_SIZE);
    draw(
        out,
        width,
        height,
        surface -> new CdfPainter().paint(surface, cdfs, title, width, FONT_SIZE));
  }

  /** SVG from the painter's calls, or PNG from an off-screen canvas they drew on. */
  private static void draw(Path out, double width, double height, Consumer<Surface> painting)
      throws IOException {
    if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
      SvgSurface surface = new SvgSurface(width, height);
      painting.accept(surface);
      Files.writeString(out, surface.document());
      return;
    }
    try {
      ExportCommand.HeadlessFx.run(
          () -> {
            Canvas canvas = new Canvas(width, height);
            painting.accept(new CanvasSurface(canvas.getGraphicsContext2D()));
            Exporter.writePng(canvas, out);
            return null;
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while drawing", e);
    }
  }
}
