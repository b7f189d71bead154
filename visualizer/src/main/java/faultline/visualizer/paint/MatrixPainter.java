package faultline.visualizer.paint;

import faultline.visualizer.trace.MemberState;
import faultline.visualizer.trace.MemberViews;
import java.util.List;

/**
 * Every member's view of every other at one instant: row = the member holding the view, column =
 * the member it is about, coloured by state; a false positive (faulty, but the member was up) has a
 * vermillion cell edge. Above 100 members cells are grouped into blocks that show the worst state
 * within, so 1,000 members draw as a 200-by-200 picture at most.
 */
public final class MatrixPainter {
  /** Where the matrix's cells lie, for hit tests. */
  public record Geometry(double leftPx, double topPx, double cellPx, int perCell, int cells) {
    /** The member under {@code x} (columns) or {@code y} (rows), or -1. */
    public int memberAtX(double x, int members) {
      return at(x - leftPx, members);
    }

    public int memberAtY(double y, int members) {
      return at(y - topPx, members);
    }

    private int at(double offset, int members) {
      int cell = (int) Math.floor(offset / cellPx);
      return offset < 0 || cell >= cells ? -1 : Math.min(members - 1, cell * perCell);
    }
  }

  /** Lays the matrix out in a square of {@code sidePx} below a title line. */
  public static Geometry geometry(int members, double sidePx, double fontSize) {
    double labels = fontSize * 3.2;
    double usable = Math.max(10, sidePx - labels);
    int perCell = Math.max(1, (int) Math.ceil(members * 2.0 / usable)); // Cells of 2 px or more.
    int cells = (members + perCell - 1) / perCell;
    return new Geometry(
        labels, labels + fontSize * 1.4, usable / Math.max(1, cells), perCell, cells);
  }

  public void paint(
      Surface surface,
      MemberViews views,
      long atNanos,
      double sidePx,
      double fontSize,
      String title) {
    int n = views.size();
    Geometry g = geometry(n, sidePx, fontSize);
    byte[] matrix = views.matrixAt(atNanos);
    surface.begin("matrix", title);
    surface.fillRect(0, 0, sidePx, sidePx + fontSize * 1.4, Palette.WHITE);
    surface.text(2, fontSize, title, fontSize * 0.8, Palette.BLACK, true, Surface.Anchor.START);
    boolean[] up = new boolean[n];
    for (int m = 0; m < n; m++) {
      up[m] = views.up(m, atNanos);
    }
    for (int row = 0; row < g.cells(); row++) {
      for (int column = 0; column < g.cells(); column++) {
        cell(surface, g, matrix, n, up, row, column);
      }
    }
    labels(surface, g, views.names(), fontSize);
    surface.end();
  }

  private static void cell(
      Surface surface, Geometry g, byte[] matrix, int n, boolean[] up, int row, int column) {
    MemberState worst = MemberState.UNKNOWN;
    boolean falsePositive = false;
    for (int o = row * g.perCell(); o < Math.min(n, (row + 1) * g.perCell()); o++) {
      for (int m = column * g.perCell(); m < Math.min(n, (column + 1) * g.perCell()); m++) {
        MemberState s = MemberState.values()[matrix[o * n + m]];
        worst = MemberState.worse(worst, s);
        falsePositive |= s == MemberState.FAULTY && up[m] && o != m;
      }
    }
    double x = g.leftPx() + column * g.cellPx();
    double y = g.topPx() + row * g.cellPx();
    double inset = g.cellPx() >= 8 ? 1 : 0;
    surface.fillRect(
        x,
        y,
        g.cellPx() - inset,
        g.cellPx() - inset,
        worst == MemberState.UNKNOWN ? Palette.WHITE : Palette.memberState(worst));
    if (falsePositive) {
      surface.strokeRect(
          x + 1,
          y + 1,
          g.cellPx() - inset - 2,
          g.cellPx() - inset - 2,
          Palette.FALSE_POSITIVE,
          Math.max(1.5, Math.min(3, g.cellPx() * 0.15)));
    }
  }

  private static void labels(Surface surface, Geometry g, List<String> names, double fontSize) {
    double size = Math.min(fontSize * 0.7, g.cellPx() * 0.9);
    if (g.perCell() == 1 && size >= 7) {
      for (int i = 0; i < g.cells(); i++) {
        double centre = i * g.cellPx() + g.cellPx() / 2;
        surface.text(
            g.leftPx() - 3,
            g.topPx() + centre + size * 0.35,
            names.get(i),
            size,
            Palette.BLACK,
            false,
            Surface.Anchor.END);
        surface.text(
            g.leftPx() + centre,
            g.topPx() - 3,
            names.get(i),
            size * 0.85,
            Palette.BLACK,
            false,
            Surface.Anchor.MIDDLE);
      }
    }
    surface.text(
        2,
        g.topPx() - fontSize * 0.2,
        "holder ↓",
        fontSize * 0.6,
        Palette.GREY,
        false,
        Surface.Anchor.START);
  }
}
