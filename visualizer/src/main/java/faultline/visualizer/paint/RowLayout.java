package faultline.visualizer.paint;

/**
 * How the membership view's rows fit its height: one row per member while rows stay readable, else
 * several members per row (the row shows the worst news among them), so that 1,000 members fit a
 * window without drawing a thousand slivers.
 *
 * @param topPx where the first row starts
 * @param rowPx each row's height
 * @param rows how many rows
 * @param perRow members per row (1 unless aggregated)
 * @param items how many members in all
 */
public record RowLayout(double topPx, double rowPx, int rows, int perRow, int items) {
  /** The thinnest row drawn before members are grouped. */
  static final double MINIMUM_ROW_PX = 3;

  /** Rows for {@code items} members in {@code availablePx}, at most {@code largestRowPx} high. */
  public static RowLayout fit(int items, double topPx, double availablePx, double largestRowPx) {
    int count = Math.max(1, items);
    double rowPx = Math.min(largestRowPx, availablePx / count);
    if (rowPx >= MINIMUM_ROW_PX) {
      return new RowLayout(topPx, rowPx, items, 1, items);
    }
    int perRow = (int) Math.ceil(count * MINIMUM_ROW_PX / Math.max(1, availablePx));
    int rows = (count + perRow - 1) / perRow;
    return new RowLayout(topPx, Math.max(1, availablePx / rows), rows, perRow, items);
  }

  public int rowOf(int item) {
    return item / perRow;
  }

  public double rowTop(int row) {
    return topPx + row * rowPx;
  }

  /** The row under {@code y}, or -1. */
  public int rowAt(double y) {
    int row = (int) Math.floor((y - topPx) / rowPx);
    return y < topPx || row >= rows ? -1 : row;
  }

  /** The first member in {@code row}. */
  public int firstItem(int row) {
    return row * perRow;
  }

  /** One past the last member in {@code row}. */
  public int endItem(int row) {
    return Math.min(items, (row + 1) * perRow);
  }
}
