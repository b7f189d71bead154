package faultline.visualizer.view;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;

/**
 * The timeline, and under it the membership view when the run has membership records: both on one
 * time axis, the divider between them left to the user.
 */
final class CentrePane extends SplitPane {
  private final MembershipView membershipView;

  CentrePane(TimelineView timelineView, MembershipView membershipView) {
    this.membershipView = membershipView;
    setOrientation(Orientation.VERTICAL);
    getItems().add(timelineView);
  }

  void showMembership(boolean shown) {
    boolean showing = getItems().contains(membershipView);
    if (shown && !showing) {
      getItems().add(membershipView);
      setDividerPositions(0.5);
    } else if (!shown && showing) {
      getItems().remove(membershipView);
    }
  }
}
