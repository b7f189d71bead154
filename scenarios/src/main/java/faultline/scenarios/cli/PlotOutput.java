package faultline.scenarios.cli;

import faultline.scenarios.analysis.AnalysisPlotter;
import faultline.scenarios.analysis.AnalysisRow;
import faultline.scenarios.analysis.ElectionCdf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The {@code --plot FILE} of {@code analyze}: checked before the sweep starts (a sweep takes
 * minutes; a typo in the file name should not cost them), drawn by whichever module provides an
 * {@link AnalysisPlotter}.
 */
final class PlotOutput {
  private final Path path;
  private final AnalysisPlotter plotter;

  private PlotOutput(Path path, AnalysisPlotter plotter) {
    this.path = path;
    this.plotter = plotter;
  }

  /** Checks the file name and finds the plotter; null when no plot was asked for. */
  static PlotOutput check(Path path) {
    if (path == null) {
      return null;
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png") && !name.endsWith(".svg")) {
      throw new UserError("--plot: the file must end in .png or .svg, not '" + path + "'");
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserError("--plot: no such directory " + parent);
    }
    AnalysisPlotter plotter =
        ServiceLoader.load(AnalysisPlotter.class)
            .findFirst()
            .orElseThrow(
                () ->
                    new UserError(
                        "--plot: drawing needs the visualizer module, which ./faultline has;"
                            + " this build has only the scenarios module"));
    return new PlotOutput(path, plotter);
  }

  void write(String title, List<AnalysisRow> rows) {
    try {
      plotter.plot(title, rows, path);
    } catch (IOException e) {
      throw new UserError("--plot: cannot write " + path + ": " + e.getMessage());
    }
  }

  void writeCdfs(String title, List<ElectionCdf> cdfs) {
    try {
      plotter.plotCdfs(title, cdfs, path);
    } catch (IOException e) {
      throw new UserError("--plot: cannot write " + path + ": " + e.getMessage());
    }
  }

  Path path() {
    return path;
  }
}
