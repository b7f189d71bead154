package faultline.visualizer.paint;

import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.Viewport;
import java.util.BitSet;
import java.util.Set;

/**
 * Everything one picture needs: the run, the window onto it, and what the user has chosen to see.
 *
 * @param rowOfLane the row each lane is drawn in, or -1 when the lane is hidden
 * @param rows how many lanes are visible
 * @param hiddenMessageTypes message types filtered out
 * @param cursor events after this index are drawn faded; -1 shows everything
 * @param selected the selected event, or -1
 * @param before events that happened before the selected one (empty when none)
 * @param after events the selected one could have influenced
 * @param divergence the first event where a re-run differs from the previous run, or -1
 * @param matches events that match the current search (may be null)
 * @param highlighted lanes a narration step marks (empty when none)
 */
public record Frame(
    Timeline timeline,
    Viewport viewport,
    int[] rowOfLane,
    int rows,
    Set<String> hiddenMessageTypes,
    int cursor,
    int selected,
    BitSet before,
    BitSet after,
    int divergence,
    BitSet matches,
    BitSet highlighted) {

  /** The whole run, every lane, nothing selected: what {@code export} draws. */
  public static Frame whole(Timeline timeline, double widthPx, double fontSize) {
    return window(timeline, 0, Math.max(1, timeline.endNanos()), widthPx, fontSize);
  }

  /**
   * The run from {@code startNanos} to {@code endNanos} (with a small margin either side), every
   * lane, nothing selected: what {@code export --from --until} draws.
   */
  public static Frame window(
      Timeline timeline, long startNanos, long endNanos, double widthPx, double fontSize) {
    int lanes = timeline.nodes().size();
    int[] rows = new int[lanes];
    for (int i = 0; i < lanes; i++) {
      rows[i] = i;
    }
    double laneHeight =
        fontSize * 5; // Pictures for slides get roomier lanes than the window's minimum.
    Viewport probe = new Viewport(startNanos, endNanos, widthPx, 0, fontSize, laneHeight);
    double height = heightFor(probe, lanes, ClientRows.of(timeline).size());
    long marginNanos = (endNanos - startNanos) / 50;
    Viewport viewport =
        new Viewport(
            startNanos - marginNanos,
            endNanos + marginNanos,
            widthPx,
            height,
            fontSize,
            laneHeight);
    return new Frame(
        timeline,
        viewport,
        rows,
        lanes,
        Set.of(),
        -1,
        -1,
        new BitSet(),
        new BitSet(),
        -1,
        null,
        new BitSet());
  }

  /** The height that shows every lane, client row and the legend below them. */
  public static double heightFor(Viewport viewport, int lanes, int clientRows) {
    return viewport.laneTop(lanes)
        + (clientRows > 0 ? viewport.fontSize() + clientRows * viewport.clientRowPx() : 0)
        + viewport.fontSize() * 4;
  }

  /** The same picture with another window onto the run. */
  public Frame withViewport(Viewport other) {
    return new Frame(
        timeline,
        other,
        rowOfLane,
        rows,
        hiddenMessageTypes,
        cursor,
        selected,
        before,
        after,
        divergence,
        matches,
        highlighted);
  }

  public boolean faded(int event) {
    return cursor >= 0 && event > cursor;
  }

  public boolean laneVisible(int lane) {
    return lane >= 0 && lane < rowOfLane.length && rowOfLane[lane] >= 0;
  }

  public double laneCentre(int lane) {
    return viewport.laneCentre(rowOfLane[lane]);
  }
}
