package faultline.visualizer.app;

import faultline.scenarios.analysis.AnalysisPlotter;
import faultline.scenarios.analysis.AnalysisRow;
import faultline.visualizer.paint.AnalysisPlotPainter;
import faultline.visualizer.paint.SvgSurface;
import faultline.visualizer.view.CanvasSurface;
import faultline.visualizer.view.Exporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;

/**
 * Draws {@code analyze swim --plot} with the timeline's painters: SVG straight from them, PNG on an
 * off-screen canvas on OpenJFX's headless platform (no window, no display). Found by the command
 * through ServiceLoader, so JavaFX is loaded only when a PNG is asked for.
 */
public final class AnalysisPlots implements AnalysisPlotter {
  static final double WIDTH_PX = 1400;
  static final double FONT_SIZE = 16;

  @Override
  public void plot(String title, List<AnalysisRow> rows, Path out) throws IOException {
    double height = AnalysisPlotPainter.heightFor(rows, WIDTH_PX, FONT_SIZE);
    if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
      SvgSurface surface = new SvgSurface(WIDTH_PX, height);
      new AnalysisPlotPainter().paint(surface, rows, title, WIDTH_PX, FONT_SIZE);
      Files.writeString(out, surface.document());
      return;
    }
    try {
      ExportCommand.HeadlessFx.run(
          () -> {
            Canvas canvas = new Canvas(WIDTH_PX, height);
            new AnalysisPlotPainter()
                .paint(
                    new CanvasSurface(canvas.getGraphicsContext2D()),
                    rows,
                    title,
                    WIDTH_PX,
                    FONT_SIZE);
            Exporter.writePng(canvas, out);
            return null;
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while drawing", e);
    }
  }
}
