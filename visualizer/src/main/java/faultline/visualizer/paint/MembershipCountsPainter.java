package faultline.visualizer.paint;

import faultline.visualizer.trace.MemberState;
import faultline.visualizer.trace.Membership.Counts;
import faultline.visualizer.viewmodel.Viewport;

/**
 * Every member at once: one row per member (or per group of members), filled from the bottom by the
 * share of the group that holds it alive, then left, suspect and faulty at the top, with a
 * vermillion bar under the row while any of the faulty verdicts is a false positive. Sampled per
 * pixel column, keeping the worst news within the column, so a brief suspicion never vanishes and
 * the cost is bounded by the window's width, not the run's length.
 */
final class MembershipCountsPainter {
  private static final int ALIVE = MemberState.ALIVE.ordinal();
  private static final int LEFT = MemberState.LEFT.ordinal();
  private static final int SUSPECT = MemberState.SUSPECT.ordinal();
  private static final int FAULTY = MemberState.FAULTY.ordinal();

  void paint(Surface surface, MembershipFrame frame) {
    Viewport viewport = frame.viewport();
    RowLayout layout = frame.layout();
    surface.begin("counts", null);
    double from = Math.max(viewport.gutterPx(), viewport.x(0));
    double to = Math.min(viewport.widthPx(), viewport.x(frame.timeline().endNanos()));
    for (int row = 0; row < layout.rows(); row++) {
      double band = layout.rowPx() * (layout.rowPx() >= 6 ? 0.8 : 1.0);
      Run run = new Run(surface, layout.rowTop(row) + (layout.rowPx() - band) / 2, band);
      for (double x = Math.floor(from); x < to; x++) {
        run.add(x, column(frame, row, viewport.nanosAt(x), viewport.nanosAt(x + 1)));
      }
      run.flush(to);
    }
    surface.end();
  }

  /**
   * Shares of the row's members in each state over {@code [t0, t1)}: {alive, left, suspect, faulty,
   * false positive}.
   */
  private static double[] column(MembershipFrame frame, int row, long t0, long t1) {
    RowLayout layout = frame.layout();
    double[] share = new double[5];
    double known = 0;
    for (int m : layout.members(row)) {
      Counts counts = frame.counts()[m];
      int last = counts.stepAt(t1);
      if (last < 0) {
        continue;
      }
      int first = Math.max(0, counts.stepAt(t0));
      int[] end = counts.counts()[last];
      int suspect = 0;
      int faulty = 0;
      boolean falsePositive = false;
      for (int step = first; step <= last; step++) {
        int[] c = counts.counts()[step];
        suspect = Math.max(suspect, c[SUSPECT]);
        faulty = Math.max(faulty, c[FAULTY]);
        falsePositive |= c[FAULTY] > 0 && counts.subjectUp()[step];
      }
      int total = end[ALIVE] + end[LEFT] + end[SUSPECT] + end[FAULTY];
      int bad = Math.min(total, suspect + faulty);
      share[FAULTY_SLOT] += faulty;
      share[SUSPECT_SLOT] += Math.max(0, bad - faulty);
      share[LEFT_SLOT] += Math.min(end[LEFT], total - bad);
      share[ALIVE_SLOT] += Math.max(0, total - bad - end[LEFT]);
      share[FP_SLOT] += falsePositive ? 1 : 0;
      known += total;
    }
    if (known > 0) {
      for (int i = 0; i < 4; i++) {
        share[i] /= known;
      }
    }
    return share;
  }

  private static final int ALIVE_SLOT = 0;
  private static final int LEFT_SLOT = 1;
  private static final int SUSPECT_SLOT = 2;
  private static final int FAULTY_SLOT = 3;
  private static final int FP_SLOT = 4;

  /** Merges equal neighbouring columns into one rectangle per layer. */
  private static final class Run {
    private final Surface surface;
    private final double top;
    private final double height;
    private double[] heights;
    private double start;

    Run(Surface surface, double top, double height) {
      this.surface = surface;
      this.top = top;
      this.height = height;
    }

    void add(double x, double[] share) {
      double[] next = new double[5];
      for (int i = 0; i < 4; i++) {
        next[i] = Math.round(share[i] * height * 2) / 2.0;
      }
      next[FP_SLOT] = share[FP_SLOT] > 0 ? 1 : 0;
      if (heights != null && java.util.Arrays.equals(heights, next)) {
        return;
      }
      flush(x);
      heights = next;
      start = x;
    }

    void flush(double x) {
      if (heights == null || x <= start) {
        return;
      }
      double width = x - start;
      double bottom = top + height;
      MemberState[] layers = {
        MemberState.ALIVE, MemberState.LEFT, MemberState.SUSPECT, MemberState.FAULTY
      };
      for (int i = 0; i < 4; i++) {
        if (heights[i] > 0) {
          bottom -= heights[i];
          surface.fillRect(start, bottom, width, heights[i], Palette.memberState(layers[i]));
        }
      }
      if (heights[FP_SLOT] > 0) {
        double bar = Math.max(2, Math.min(4, height * 0.2));
        surface.fillRect(start, top + height - bar, width, bar, Palette.FALSE_POSITIVE);
      }
    }
  }
}
