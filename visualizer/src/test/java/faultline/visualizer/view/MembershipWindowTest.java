package faultline.visualizer.view;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.app.RunLoader;
import faultline.visualizer.app.VisualizerApp;
import faultline.visualizer.paint.MembershipFrame;
import faultline.visualizer.trace.MemberState;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceFixtures;
import faultline.visualizer.trace.TraceReader;
import faultline.visualizer.viewmodel.MembershipViewModel;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.WhatIf;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The membership view in the window, on a real SWIM run (a paused member declared faulty and
 * refuting), driven as a user would: keys to choose a member and draw a spread, a click on a
 * stretch selects its record in the timeline, the Members tab and its matrix, and a run without
 * membership records showing no membership view.
 */
@ExtendWith(ApplicationExtension.class)
class MembershipWindowTest {
  private final TimelineViewModel model = new TimelineViewModel();
  private MainWindow window;
  private Timeline run;

  @Start
  void start(Stage stage) {
    window = VisualizerApp.build(model, new WhatIf(), new NoWindowActions());
    run = RunLoader.open("swim/gc-pause-false-positive", null);
    model.show(run);
    stage.setScene(new Scene(window, 1400, 900));
    stage.show();
  }

  @Test
  void keysChooseAMemberAndDrawTheSpreadOfItsUpdates(FxRobot robot) {
    MembershipViewModel membership = window.membership();
    assertThat(window.membershipView().isVisible()).isTrue();
    assertThat(window.membershipView().getHeight()).isGreaterThan(100);
    robot.clickOn("#timeline");
    robot.type(KeyCode.M, 4);
    assertThat(membership.subject().get()).isEqualTo(3);
    robot.type(KeyCode.G, 2);
    assertThat(membership.update().get().state()).isEqualTo(MemberState.FAULTY);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText())
        .startsWith("n4 faulty at incarnation 0: 9 of 10 members held it");
    assertThat(colourCount(robot, 0xF0E442)).as("suspect stretches drawn").isGreaterThan(500);
    assertThat(colourCount(robot, 0xD55E00)).as("false positives edged").isGreaterThan(200);
    robot.type(KeyCode.ESCAPE);
    assertThat(membership.update().get()).isNull();
    robot.type(KeyCode.A);
    assertThat(membership.subject().get()).isEqualTo(-1);
  }

  @Test
  void clickingAStretchSelectsItsRecordInTheTimeline(FxRobot robot) {
    robot.interact(() -> window.membership().showMember(3));
    MembershipView view = window.membershipView();
    MembershipFrame frame = window.membership().frame(view.getWidth(), view.getHeight());
    long faultyNanos = 18_000_000_000L; // Everyone holds the paused n4 faulty by then.
    Point2D local = new Point2D(frame.viewport().x(faultyNanos), frame.rowCentre(9));
    robot.clickOn(view.localToScreen(local));
    int selected = model.selected().get();
    assertThat(selected).isGreaterThanOrEqualTo(0);
    assertThat(run.line(selected))
        .contains("\"type\":\"member\"")
        .contains("\"node\":\"n10\"")
        .contains("\"member\":\"n4\",\"status\":\"faulty\"");
  }

  @Test
  void theMembersTabChoosesMembersAndItsMatrixOpensAColumn(FxRobot robot) {
    robot.clickOn("Members");
    @SuppressWarnings("unchecked")
    ComboBox<String> members = robot.lookup("#memberChoice").queryAs(ComboBox.class);
    assertThat(members.getItems()).hasSize(11).startsWith("every member", "n1");
    robot.interact(() -> members.getSelectionModel().select(4));
    assertThat(window.membership().subject().get()).isEqualTo(3);
    @SuppressWarnings("unchecked")
    ComboBox<Object> updates = robot.lookup("#updateChoice").queryAs(ComboBox.class);
    assertThat(updates.getItems()).isNotEmpty();
    var matrix = robot.lookup("#matrix").query();
    var geometry = faultline.visualizer.paint.MatrixPainter.geometry(10, 340, 13);
    double x = geometry.leftPx() + geometry.cellPx() * 1.5; // Column n2.
    double y = geometry.topPx() + geometry.cellPx() * 0.5;
    robot.clickOn(matrix.localToScreen(x, y));
    assertThat(window.membership().subject().get()).isEqualTo(1);
  }

  @Test
  void aRunWithoutMembershipRecordsHasNoMembershipView(FxRobot robot) {
    robot.interact(() -> model.show(TraceReader.fromLines("raft", TraceFixtures.raftLike())));
    assertThat(window.membershipView().getParent()).isNull();
    robot.interact(() -> model.show(run));
    assertThat(window.membershipView().getParent()).isNotNull();
  }

  /** Pixels of one colour in the membership view, from a snapshot of its canvas. */
  private int colourCount(FxRobot robot, int rgb) {
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(() -> image.set(window.membershipView().canvas().snapshot(null, null)));
    PixelReader pixels = image.get().getPixelReader();
    int count = 0;
    for (int y = 0; y < (int) image.get().getHeight(); y++) {
      for (int x = 0; x < (int) image.get().getWidth(); x++) {
        if ((pixels.getArgb(x, y) & 0xFFFFFF) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}
