package faultline.visualizer.paint;

import faultline.scenarios.analysis.ElectionCdf;
import faultline.scenarios.analysis.ElectionTimeouts;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws Raft's Figure 16 as measured, in the paper's layout: the "randomness" lines on a log time
 * axis above, the "scale" lines on a linear one below, each a step CDF of downtime (cumulative
 * percent of trials, 0 to 100). Lines differ by colour (the colour-blind-safe palette) and are
 * named in each graph's legend in the paper's order; a line whose trials did not all elect a leader
 * within the cap ends below 100%.
 */
public final class CdfPainter {
  private static final Rgb[] COLOURS = {
    Palette.BLACK,
    Palette.VERMILLION,
    Palette.BLUE,
    Palette.BLUISH_GREEN,
    Palette.REDDISH_PURPLE,
    Palette.ORANGE,
  };

  /**
   * The picture's height for a width: two graphs, each two fifths as tall as the picture is wide.
   */
  public static double heightFor(double widthPx, double fontSize) {
    return fontSize * 3 + 2 * graphHeight(widthPx) + fontSize * 2;
  }

  private static double graphHeight(double widthPx) {
    return widthPx * 0.4;
  }

  public void paint(
      Surface surface, List<ElectionCdf> cdfs, String title, double widthPx, double fontSize) {
    double height = heightFor(widthPx, fontSize);
    surface.begin("cdfs", title);
    surface.fillRect(0, 0, widthPx, height, Palette.WHITE);
    surface.text(
        fontSize, fontSize * 1.6, title, fontSize, Palette.BLACK, true, Surface.Anchor.START);
    double top = fontSize * 3;
    for (String panel : List.of(ElectionTimeouts.RANDOMNESS, ElectionTimeouts.SCALE)) {
      List<ElectionCdf> lines = new ArrayList<>();
      for (ElectionCdf cdf : cdfs) {
        if (cdf.timeouts().panel().equals(panel)) {
          lines.add(cdf);
        }
      }
      if (!lines.isEmpty()) {
        boolean log = panel.equals(ElectionTimeouts.RANDOMNESS);
        surface.begin("cdf-graph", panel);
        new CdfGraph(surface, lines, log, fontSize)
            .paint(
                fontSize * 4.5, top, widthPx - fontSize * 10, graphHeight(widthPx) - fontSize * 3);
        surface.end();
      }
      top += graphHeight(widthPx);
    }
    surface.end();
  }

  /** One graph: axes, grid, a step line per configuration, and the legend. */
  private static final class CdfGraph {
    private final Surface surface;
    private final List<ElectionCdf> lines;
    private final boolean log;
    private final double fontSize;
    private double left;
    private double top;
    private double width;
    private double height;
    private double low;
    private double high;

    CdfGraph(Surface surface, List<ElectionCdf> lines, boolean log, double fontSize) {
      this.surface = surface;
      this.lines = lines;
      this.log = log;
      this.fontSize = fontSize;
    }

    void paint(double left, double top, double width, double height) {
      this.left = left;
      this.top = top;
      this.width = width;
      this.height = height;
      range();
      axes();
      for (int i = 0; i < lines.size(); i++) {
        line(lines.get(i), COLOURS[i % COLOURS.length]);
      }
      legend();
    }

    /** The time axis: whole decades on the log axis, round hundreds of ms on the linear one. */
    private void range() {
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      for (ElectionCdf cdf : lines) {
        if (!cdf.downtimesMillis().isEmpty()) {
          min = Math.min(min, cdf.downtimesMillis().getFirst());
          max = Math.max(max, cdf.maxMillis());
        }
      }
      if (max == 0) {
        min = 1;
        max = 10;
      }
      if (log) {
        low = Math.pow(10, Math.floor(Math.log10(min)));
        high = Math.pow(10, Math.ceil(Math.log10(max)));
        high = Math.max(high, low * 10);
      } else {
        low = 0;
        high = Math.ceil(max / 100) * 100;
      }
    }

    private double x(double millis) {
      double share =
          log
              ? (Math.log10(millis) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
              : (millis - low) / (high - low);
      return left + width * Math.max(0, Math.min(1, share));
    }

    private double y(double percent) {
      return top + height * (1 - percent / 100);
    }

    private void axes() {
      double small = fontSize * 0.85;
      for (int percent = 0; percent <= 100; percent += 20) {
        surface.line(left, y(percent), left + width, y(percent), Palette.LIGHT_GREY, 1, false);
        surface.text(
            left - small * 0.5,
            y(percent) + small * 0.35,
            percent + "%",
            small,
            Palette.BLACK,
            false,
            Surface.Anchor.END);
      }
      for (double tick : ticks()) {
        surface.line(x(tick), top, x(tick), top + height, Palette.LIGHT_GREY, 1, false);
        surface.text(
            x(tick),
            top + height + small * 1.4,
            tickLabel(tick),
            small,
            Palette.BLACK,
            false,
            Surface.Anchor.MIDDLE);
      }
      surface.strokeRect(left, top, width, height, Palette.BLACK, 1);
      surface.text(
          left + width / 2,
          top + height + small * 2.9,
          "time without leader (ms)" + (log ? ", log scale" : ""),
          small,
          Palette.BLACK,
          false,
          Surface.Anchor.MIDDLE);
    }

    /** Whole milliseconds with thousands separated, as the paper's axes read: 100, 1,000. */
    private static String tickLabel(double millis) {
      return millis >= 1 && millis == Math.rint(millis)
          ? String.format(java.util.Locale.ROOT, "%,d", (long) millis)
          : AnalysisPlotPainter.number(millis);
    }

    private List<Double> ticks() {
      List<Double> ticks = new ArrayList<>();
      if (log) {
        for (double decade = low; decade <= high * 1.0001; decade *= 10) {
          ticks.add(decade);
        }
      } else {
        double step = high <= 500 ? 50 : high <= 1000 ? 100 : Math.ceil(high / 1000) * 100;
        for (double tick = 0; tick <= high + step / 1000; tick += step) {
          ticks.add(tick);
        }
      }
      return ticks;
    }

    /** A step CDF: each trial lifts the line by 100/trials percent at its downtime. */
    private void line(ElectionCdf cdf, Rgb colour) {
      List<Double> downtimes = cdf.downtimesMillis();
      if (downtimes.isEmpty()) {
        return;
      }
      int count = downtimes.size();
      double[] xs = new double[2 * count + 1];
      double[] ys = new double[2 * count + 1];
      int points = 0;
      xs[points] = x(downtimes.getFirst());
      ys[points++] = y(0);
      // Trials less than half a pixel apart rise as one step: a thousand trials draw as a few
      // hundred corners, and the picture does not change.
      for (int first = 0; first < count; ) {
        double at = x(downtimes.get(first));
        int last = first;
        while (last + 1 < count && x(downtimes.get(last + 1)) - at < 0.5) {
          last++;
        }
        xs[points] = at;
        ys[points++] = y(100.0 * first / cdf.trials());
        xs[points] = at;
        ys[points++] = y(100.0 * (last + 1) / cdf.trials());
        first = last + 1;
      }
      surface.begin("cdf-line", cdf.timeouts().label());
      surface.clip(left, top - 2, width, height + 4);
      surface.polyline(xs, ys, points, colour, 2);
      surface.unclip();
      surface.end();
    }

    private void legend() {
      double small = fontSize * 0.85;
      double x = left + width - small * 11;
      double y = top + height - small * (lines.size() + 0.5) * 1.4;
      surface.fillRect(
          x - small * 0.5,
          y - small * 1.2,
          small * 11.3,
          small * (lines.size() * 1.4 + 0.6),
          Palette.WHITE);
      for (int i = 0; i < lines.size(); i++) {
        double row = y + i * small * 1.4;
        Rgb colour = COLOURS[i % COLOURS.length];
        surface.line(x, row - small * 0.35, x + small * 2, row - small * 0.35, colour, 2, false);
        surface.text(
            x + small * 2.6,
            row,
            lines.get(i).timeouts().label(),
            small,
            Palette.BLACK,
            false,
            Surface.Anchor.START);
      }
    }
  }
}
