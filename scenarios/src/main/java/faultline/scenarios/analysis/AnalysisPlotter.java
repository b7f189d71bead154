package faultline.scenarios.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws an analysis's results (rows measured beside predicted, or CDFs) into a picture. The drawing
 * lives in a module above this one (the visualizer, whose painters also draw the timeline), found
 * through {@link java.util.ServiceLoader} only when a picture is asked for, so that the command
 * line keeps running without a display or a JavaFX class loaded. List implementations in {@code
 * META-INF/services/faultline.scenarios.analysis.AnalysisPlotter}.
 */
public interface AnalysisPlotter {
  /**
   * Writes the picture of {@code rows} to {@code out}: PNG or SVG, by the file's extension.
   *
   * @param title the picture's title line (the command that made it)
   */
  void plot(String title, List<AnalysisRow> rows, Path out) throws IOException;

  /**
   * Writes Raft's Figure 16 as measured: one graph per {@link ElectionTimeouts#panel()}, a CDF per
   * line, to {@code out} as PNG or SVG.
   */
  void plotCdfs(String title, List<ElectionCdf> cdfs, Path out) throws IOException;
}
