package faultline.visualizer.paint;

import faultline.scenarios.analysis.AnalysisRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws an analysis as small multiples: one panel per quantity, the group size n along the bottom,
 * the measurement as a filled blue dot with its 95% confidence interval as a whisker, and the
 * formula's prediction as a hollow vermillion diamond (joined by a dashed line across n). Dot and
 * diamond differ in shape as well as colour, so the picture survives colour blindness and grey
 * print. It reads only the analysis's rows, so new quantities get their panels without a change
 * here.
 */
public final class AnalysisPlotPainter {
  private static final Rgb MEASURED = Palette.BLUE;
  private static final Rgb PREDICTED = Palette.VERMILLION;

  /** The rows of one quantity, in the analysis's order. */
  record Panel(String quantity, List<AnalysisRow> rows) {}

  /** The picture's height for this width: panels in two columns when there is room. */
  public static double heightFor(List<AnalysisRow> rows, double widthPx, double fontSize) {
    int panels = panels(rows).size();
    int columns = columns(widthPx, fontSize);
    int lines = (panels + columns - 1) / columns;
    return fontSize * 3 + lines * panelHeight(fontSize) + fontSize * 3;
  }

  static List<Panel> panels(List<AnalysisRow> rows) {
    List<Panel> panels = new ArrayList<>();
    for (AnalysisRow row : rows) {
      Panel panel =
          panels.stream().filter(p -> p.quantity().equals(row.quantity())).findFirst().orElse(null);
      if (panel == null) {
        panel = new Panel(row.quantity(), new ArrayList<>());
        panels.add(panel);
      }
      panel.rows().add(row);
    }
    panels.forEach(p -> p.rows().sort(java.util.Comparator.comparingInt(AnalysisRow::members)));
    return panels;
  }

  private static int columns(double widthPx, double fontSize) {
    return widthPx >= fontSize * 60 ? 2 : 1;
  }

  private static double panelHeight(double fontSize) {
    return fontSize * 15;
  }

  public void paint(
      Surface surface, List<AnalysisRow> rows, String title, double widthPx, double fontSize) {
    double height = heightFor(rows, widthPx, fontSize);
    surface.begin("analysis", title);
    surface.fillRect(0, 0, widthPx, height, Palette.WHITE);
    surface.text(
        fontSize, fontSize * 1.6, title, fontSize, Palette.BLACK, true, Surface.Anchor.START);
    List<Panel> panels = panels(rows);
    int columns = columns(widthPx, fontSize);
    double panelWidth = (widthPx - fontSize) / columns;
    for (int i = 0; i < panels.size(); i++) {
      double left = fontSize * 0.5 + (i % columns) * panelWidth;
      double top = fontSize * 3 + (i / columns) * panelHeight(fontSize);
      new PanelPainter(
              surface,
              panels.get(i),
              left,
              top,
              panelWidth - fontSize,
              panelHeight(fontSize) - fontSize,
              fontSize)
          .paint();
    }
    legend(surface, fontSize, height - fontSize * 1.4);
    surface.end();
  }

  private static void legend(Surface surface, double fontSize, double y) {
    double size = fontSize * 0.85;
    double x = fontSize;
    surface.line(
        x + size * 0.6, y - size * 1.0, x + size * 0.6, y + size * 0.2, MEASURED, 1.5, false);
    surface.circle(x + size * 0.6, y - size * 0.4, size * 0.35, MEASURED, MEASURED);
    String measured = "measured over the seeds, with its 95% confidence interval";
    surface.text(x + size * 1.6, y, measured, size, Palette.BLACK, false, Surface.Anchor.START);
    x += size * 2.5 + Surface.textWidth(measured, size);
    diamond(surface, x + size * 0.6, y - size * 0.4, size * 0.45);
    surface.text(
        x + size * 1.6,
        y,
        "predicted by the formula",
        size,
        Palette.BLACK,
        false,
        Surface.Anchor.START);
  }

  static void diamond(Surface surface, double x, double y, double r) {
    double[] xs = {x, x + r, x, x - r, x};
    double[] ys = {y - r, y, y + r, y, y - r};
    surface.polygon(
        new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y}, Palette.WHITE);
    surface.polyline(xs, ys, 5, PREDICTED, 2);
  }

  /** Short, round numbers for ticks and labels. */
  static String number(double value) {
    if (value == 0) {
      return "0";
    }
    String text = String.format(Locale.ROOT, "%.3g", value);
    if (text.contains("e")) {
      return text;
    }
    text = text.contains(".") ? text.replaceAll("0+$", "") : text;
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
