package faultline.visualizer.paint;

import java.util.Arrays;
import java.util.List;

/**
 * How the membership view's rows fit its height. One row per member while rows stay readable;
 * beyond that either several neighbours share a row (it shows the worst news among them), so that
 * 1,000 members fit a window without drawing a thousand slivers, or, when only a few members have
 * news, those get a readable row each and every quiet member shares the last one.
 *
 * @param topPx where the first row starts
 * @param rowPx each row's height
 * @param order the members in row order
 * @param rowStart where each row's members start in {@code order}; one more entry than rows
 * @param quietLast whether the last row holds the members with no news
 */
public record RowLayout(
    double topPx, double rowPx, int[] order, int[] rowStart, boolean quietLast) {
  /** The thinnest row drawn before members are grouped. */
  static final double MINIMUM_ROW_PX = 3;

  /** Members in their own order, {@code perRow} to a row so that no row is under 3 px. */
  public static RowLayout fit(int items, double topPx, double availablePx, double largestRowPx) {
    int count = Math.max(1, items);
    double rowPx = Math.min(largestRowPx, availablePx / count);
    int perRow =
        rowPx >= MINIMUM_ROW_PX
            ? 1
            : (int) Math.ceil(count * MINIMUM_ROW_PX / Math.max(1, availablePx));
    int rows = (items + perRow - 1) / perRow;
    int[] starts = new int[rows + 1];
    for (int row = 0; row <= rows; row++) {
      starts[row] = Math.min(items, row * perRow);
    }
    int[] order = new int[items];
    Arrays.setAll(order, i -> i);
    double height = perRow == 1 ? rowPx : Math.max(1, availablePx / Math.max(1, rows));
    return new RowLayout(topPx, height, order, starts, false);
  }

  /**
   * The members with news one to a row, in their own order, and every other member in one last row;
   * null when even that would not leave rows of {@code readablePx}.
   */
  public static RowLayout newsFirst(
      boolean[] news, double topPx, double availablePx, double largestRowPx, double readablePx) {
    int items = news.length;
    int[] order = new int[items];
    int placed = 0;
    for (int m = 0; m < items; m++) {
      if (news[m]) {
        order[placed++] = m;
      }
    }
    int newsCount = placed;
    for (int m = 0; m < items; m++) {
      if (!news[m]) {
        order[placed++] = m;
      }
    }
    boolean quiet = newsCount < items;
    int rows = newsCount + (quiet ? 1 : 0);
    double rowPx = Math.min(largestRowPx, availablePx / Math.max(1, rows));
    if (rowPx < readablePx) {
      return null;
    }
    int[] starts = new int[rows + 1];
    for (int row = 0; row < rows; row++) {
      starts[row] = row;
    }
    starts[rows] = items;
    return new RowLayout(topPx, rowPx, order, starts, quiet);
  }

  public int rows() {
    return rowStart.length - 1;
  }

  /** Whether every row holds one member (so labels and numbers fit in it). */
  public boolean oneEach() {
    return rows() == order.length;
  }

  /** The members drawn in {@code row}. */
  public int[] members(int row) {
    return Arrays.copyOfRange(order, rowStart[row], rowStart[row + 1]);
  }

  /** The row that holds {@code member}. */
  public int rowOf(int member) {
    int position = member < order.length && order[member] == member ? member : -1;
    for (int p = 0; position < 0 && p < order.length; p++) {
      position = order[p] == member ? p : -1;
    }
    if (position < 0) {
      return -1;
    }
    int row = Arrays.binarySearch(rowStart, position);
    return row >= 0 ? Math.min(row, rows() - 1) : -row - 2;
  }

  public double rowTop(int row) {
    return topPx + row * rowPx;
  }

  /** The row under {@code y}, or -1. */
  public int rowAt(double y) {
    int row = (int) Math.floor((y - topPx) / rowPx);
    return y < topPx || row >= rows() ? -1 : row;
  }

  /** The row's name in the gutter: a member, a range of them, or the quiet rest. */
  public String label(int row, List<String> names) {
    int first = rowStart[row];
    int end = rowStart[row + 1];
    if (end - first == 1) {
      return names.get(order[first]);
    }
    if (quietLast && row == rows() - 1) {
      return (end - first) + " quiet";
    }
    return names.get(order[first]) + "–" + names.get(order[end - 1]);
  }
}
