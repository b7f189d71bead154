package faultline.visualizer.paint;

import faultline.scenarios.analysis.AnalysisRow;

/** One quantity's panel of an analysis plot: axes, ticks, and a column per group size. */
final class PanelPainter {
  private final Surface surface;
  private final AnalysisPlotPainter.Panel panel;
  private final double left;
  private final double top;
  private final double width;
  private final double height;
  private final double font;
  private final double plotLeft;
  private final double plotTop;
  private final double plotBottom;
  private final double plotRight;
  private double low;
  private double high;

  PanelPainter(
      Surface surface,
      AnalysisPlotPainter.Panel panel,
      double left,
      double top,
      double width,
      double height,
      double font) {
    this.surface = surface;
    this.panel = panel;
    this.left = left;
    this.top = top;
    this.width = width;
    this.height = height;
    this.font = font;
    this.plotLeft = left + font * 4.5;
    this.plotTop = top + font * 2.2;
    this.plotBottom = top + height - font * 2;
    this.plotRight = left + width - font;
  }

  void paint() {
    surface.begin("panel", panel.quantity());
    surface.strokeRect(left, top, width, height, Palette.LIGHT_GREY, 1);
    String heading = StretchPainter.fit(panel.quantity(), width - font, font * 0.9);
    surface.text(
        left + font * 0.5,
        top + font * 1.3,
        heading,
        font * 0.9,
        Palette.BLACK,
        true,
        Surface.Anchor.START);
    range();
    axes();
    int columns = panel.rows().size();
    double previousX = Double.NaN;
    double previousY = Double.NaN;
    for (int i = 0; i < columns; i++) {
      AnalysisRow row = panel.rows().get(i);
      double x = plotLeft + (plotRight - plotLeft) * (i + 0.5) / columns;
      surface.text(
          x,
          plotBottom + font * 1.3,
          "n = " + row.members(),
          font * 0.8,
          Palette.BLACK,
          false,
          Surface.Anchor.MIDDLE);
      if (row.hasPrediction()) {
        double y = y(row.predicted());
        if (!Double.isNaN(previousX)) {
          surface.line(previousX, previousY, x, y, Palette.VERMILLION, 1.2, true);
        }
        previousX = x;
        previousY = y;
      }
      measured(row, x);
    }
    for (int i = 0; i < columns; i++) {
      AnalysisRow row = panel.rows().get(i);
      if (row.hasPrediction()) {
        double x = plotLeft + (plotRight - plotLeft) * (i + 0.5) / columns;
        AnalysisPlotPainter.diamond(surface, x + font * 0.9, y(row.predicted()), font * 0.45);
      }
    }
    surface.end();
  }

  private void measured(AnalysisRow row, double x) {
    double value = row.measured().value();
    if (!Double.isFinite(value)) {
      surface.text(
          x,
          (plotTop + plotBottom) / 2,
          "∞ (none in the denominator)",
          font * 0.8,
          Palette.BLACK,
          false,
          Surface.Anchor.MIDDLE);
      return;
    }
    if (row.hasInterval()) {
      double yLow = y(row.measured().low());
      double yHigh = y(row.measured().high());
      double cap = font * 0.35;
      surface.line(x, yLow, x, yHigh, Palette.BLUE, 1.8, false);
      surface.line(x - cap, yLow, x + cap, yLow, Palette.BLUE, 1.8, false);
      surface.line(x - cap, yHigh, x + cap, yHigh, Palette.BLUE, 1.8, false);
    }
    double y = y(value);
    surface.circle(x, y, font * 0.32, Palette.BLUE, Palette.BLUE);
    String label = AnalysisPlotPainter.number(value);
    if (!row.withinInterval().isEmpty()) {
      label +=
          row.withinInterval().equals("yes") ? "  (prediction in CI)" : "  (prediction outside CI)";
    }
    double above = row.hasInterval() ? Math.min(y, y(row.measured().high())) : y;
    surface.text(
        x,
        Math.max(plotTop - font * 0.2, above - font * 0.6),
        label,
        font * 0.75,
        Palette.BLACK,
        false,
        Surface.Anchor.MIDDLE);
  }

  /** From zero (counts, times, rates are never negative here) to a little above the largest. */
  private void range() {
    low = 0;
    high = 0;
    for (AnalysisRow row : panel.rows()) {
      high = Math.max(high, finite(row.measured().value()));
      high = Math.max(high, finite(row.measured().high()));
      high = Math.max(high, finite(row.predicted()));
      low = Math.min(low, finite(row.measured().low()));
    }
    if (high <= low) {
      high = low + 1;
    }
    double step = step((high - low) / 4);
    high = Math.ceil(high * 1.15 / step) * step; // Room above for the value's label.
    low = Math.floor(low / step) * step;
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }

  private static double step(double rough) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      if (factor * magnitude >= rough) {
        return factor * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private void axes() {
    surface.line(plotLeft, plotTop, plotLeft, plotBottom, Palette.GREY, 1, false);
    surface.line(plotLeft, plotBottom, plotRight, plotBottom, Palette.GREY, 1, false);
    double step = step((high - low) / 4);
    for (double tick = low; tick <= high + step / 1000; tick += step) {
      double y = y(tick);
      surface.line(plotLeft, y, plotRight, y, Palette.LIGHT_GREY, 1, false);
      surface.text(
          plotLeft - font * 0.3,
          y + font * 0.3,
          AnalysisPlotPainter.number(tick),
          font * 0.75,
          Palette.BLACK,
          false,
          Surface.Anchor.END);
    }
  }

  private double y(double value) {
    return plotBottom - (value - low) / (high - low) * (plotBottom - plotTop);
  }
}
