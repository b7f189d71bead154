package faultline.scenarios.narration;

import java.util.List;

/**
 * A narration step found in one run: the moment, the event there, the caption, the lanes to mark
 * and the window to show.
 *
 * @param number 1 for the first step of the narration
 * @param total how many steps the narration has
 * @param caption what happens at this moment
 * @param timeNanos the moment, in true time
 * @param event the index of the selected event in the trace (its {@code seq} less one), or -1 for a
 *     step given by time
 * @param highlight the names of the nodes to mark
 * @param windowStartNanos the start of the window to show, or -1 to keep the current one
 * @param windowEndNanos the end of the window, or -1
 */
public record ResolvedStep(
    int number,
    int total,
    String caption,
    long timeNanos,
    int event,
    List<String> highlight,
    long windowStartNanos,
    long windowEndNanos) {
  public ResolvedStep {
    highlight = List.copyOf(highlight);
  }

  public boolean hasWindow() {
    return windowEndNanos > windowStartNanos;
  }
}
