package faultline.visualizer.paint;

import faultline.visualizer.trace.MemberViews;
import faultline.visualizer.trace.Membership.Counts;
import faultline.visualizer.trace.Membership.Segment;
import faultline.visualizer.trace.Membership.Spread;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.Viewport;
import java.util.List;

/**
 * One picture of the membership view, on the timeline's time axis (the same window, width, gutter
 * and font, so that a moment sits at the same x in both).
 *
 * @param subject the member whose views are drawn (one row per observer), or -1 for every member
 *     (one row per member, stacked by how many others hold it in each state)
 * @param segments when a subject is chosen: each observer's stretches about it
 * @param counts when none is: for every member, how many held it in each state over time
 * @param truthTopPx where the subject's ground-truth row starts (above the observers' rows)
 * @param spread the gossip spread to draw over the rows, or null
 * @param cursorNanos the cursor's time (what lies after it is faded), or {@code Long.MIN_VALUE}
 * @param selectedEvent the event selected in the timeline, or -1
 */
public record MembershipFrame(
    Timeline timeline,
    MemberViews views,
    Viewport viewport,
    RowLayout layout,
    int subject,
    List<List<Segment>> segments,
    Counts[] counts,
    double truthTopPx,
    Spread spread,
    long cursorNanos,
    int selectedEvent) {

  public boolean aboutOneMember() {
    return subject >= 0;
  }

  /** The centre of the row that holds member (or observer) {@code item}. */
  public double rowCentre(int item) {
    int row = Math.max(0, layout.rowOf(item));
    return layout.rowTop(row) + layout.rowPx() / 2;
  }
}
