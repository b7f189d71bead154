package faultline.visualizer.view;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.narration.ResolvedStep;
import faultline.visualizer.app.RunLoader;
import faultline.visualizer.app.VisualizerApp;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.WhatIf;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A narrated scenario in the window on OpenJFX's headless platform: the Step buttons and keys walk
 * raft/split-brain's narration, each step moving the window, the cursor and the selection to its
 * moment, marking its nodes and showing its caption.
 */
@ExtendWith(ApplicationExtension.class)
class NarrationWindowTest {
  private final TimelineViewModel model = new TimelineViewModel();
  private List<ResolvedStep> steps;

  @Start
  void start(Stage stage) {
    MainWindow window = VisualizerApp.build(model, new WhatIf(), new NoWindowActions());
    RunLoader.OpenedRun opened = RunLoader.openRun("raft/split-brain", null);
    steps = opened.steps();
    model.show(opened.timeline());
    model.narrator().load(steps);
    stage.setScene(new Scene(window, 1300, 760));
    stage.show();
  }

  @Test
  void theStepControlWalksTheNarrationWithItsCaptions(FxRobot robot) {
    assertThat(robot.lookup("#narration").query().isVisible()).isTrue();
    Timeline run = model.timeline().get();
    Label caption = robot.lookup("#caption").queryAs(Label.class);
    assertThat(steps).hasSize(5);
    assertThat(caption.getText()).startsWith("Narrated: 5 steps.");

    robot.clickOn("#nextStep");
    assertThat(model.narrator().current().get()).isZero();
    assertThat(caption.getText()).startsWith("Step 1 of 5 · ").contains("n1 wins the election");
    int leader = model.cursor().get();
    assertThat(run.line(leader)).contains("\"node\":\"n1\"", "\"role\":\"LEADER\"");
    assertThat(model.selected().get()).isEqualTo(leader);
    assertThat(model.startNanos().get()).isEqualTo(run.timeNanos(leader) - 150_000_000L);
    assertThat(model.endNanos().get()).isEqualTo(run.timeNanos(leader) + 900_000_000L);
    assertThat(model.frame(800, 600).highlighted().cardinality()).isEqualTo(1);

    robot.clickOn("#timeline");
    robot.press(KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT);
    assertThat(run.line(model.cursor().get())).contains("\"type\":\"partition\"");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(run.line(model.cursor().get())).contains("\"node\":\"n4\"", "LEADER");
    assertThat(caption.getText()).startsWith("Step 3 of 5").contains("n4");
    assertThat(model.frame(800, 600).highlighted().cardinality()).isEqualTo(2);

    robot.type(KeyCode.PAGE_UP);
    assertThat(caption.getText()).startsWith("Step 2 of 5");
    robot.press(KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT);
    robot.type(KeyCode.PAGE_UP);
    assertThat(caption.getText()).startsWith("Step 1 of 5");
    assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("first step");

    for (int i = 0; i < 6; i++) {
      robot.clickOn("#nextStep");
    }
    assertThat(caption.getText()).startsWith("Step 5 of 5").contains("heals");
    assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("last step");
    // Plain n still steps one event, and Esc leaves the narration.
    int before = model.cursor().get();
    robot.type(KeyCode.N);
    assertThat(model.cursor().get()).isEqualTo(before + 1);
    robot.type(KeyCode.ESCAPE);
    assertThat(caption.getText()).startsWith("Narrated: 5 steps.");
    assertThat(model.frame(800, 600).highlighted().isEmpty()).isTrue();
  }
}
