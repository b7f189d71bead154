package faultline.visualizer.view;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.app.RunLoader;
import faultline.visualizer.app.VisualizerApp;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.WhatIf;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A what-if re-run of a narrated scenario in the window, on OpenJFX's headless platform: the Step
 * control survives a re-run whose moments are all still there (and its steps point into the new
 * run), and after an edit that removes moments the bar and the what-if pane name the steps that no
 * longer apply while the rest can still be walked; saving the edit keeps the steps that apply and
 * says which it left out.
 */
@ExtendWith(ApplicationExtension.class)
class NarrationWhatIfWindowTest {
  private final TimelineViewModel model = new TimelineViewModel();
  private final WhatIf whatIf = new WhatIf();
  @TempDir Path directory;

  @Start
  void start(Stage stage) {
    MainWindow window =
        VisualizerApp.build(
            model, whatIf, new SavingWindowActions(() -> directory.resolve("no-split.json")));
    // As VisualizerApp opens a run.
    RunLoader.OpenedRun opened = RunLoader.openRun("raft/split-brain", null);
    whatIf.load(opened.timeline().lines().getFirst(), opened.writtenNarration());
    model.show(opened.timeline());
    model.narrator().load(opened.steps(), opened.missing(), opened.narration());
    stage.setScene(new Scene(window, 1300, 760));
    stage.show();
  }

  @Test
  void aReRunKeepsTheNarrationWhileItsMomentsAreThereAndNamesTheStepsThatAreNot(FxRobot robot) {
    Label caption = robot.lookup("#caption").queryAs(Label.class);
    Label leftOut = robot.lookup("#narrationLeftOut").queryAs(Label.class);
    Label result = robot.lookup("#whatIfResult").queryAs(Label.class);

    // A crash after the heal's step changes the run but none of the narrated moments.
    robot.clickOn("What-if");
    robot.interact(() -> robot.lookup("#faultType").queryComboBox().setValue("crash"));
    robot.interact(() -> robot.lookup("#faultAt").queryTextInputControl().setText("4500ms"));
    robot.clickOn("#addFault");
    robot.clickOn("#rerun");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(result.getText()).contains("diverges at seq", "Narration: all 5 steps still apply.");
    assertThat(robot.lookup("#narration").query().isVisible()).isTrue();
    assertThat(caption.getText()).startsWith("Narrated: 5 steps.");
    assertThat(leftOut.isVisible()).isFalse();
    robot.clickOn("#nextStep");
    Timeline rerun = model.timeline().get();
    assertThat(caption.getText()).startsWith("Step 1 of 5 · ").contains("n1 wins the election");
    assertThat(rerun.line(model.cursor().get())).contains("\"node\":\"n1\"", "\"role\":\"LEADER\"");

    // Without the partition, no moment from the split on happens.
    robot.interact(
        () -> {
          whatIf.remove(0); // The partition,
          whatIf.remove(0); // and its heal.
        });
    robot.clickOn("#rerun");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(result.getText())
        .contains("Narration: 1 of 5 steps still apply; steps 2, 3, 4 and 5 no longer");
    assertThat(leftOut.isVisible()).isTrue();
    assertThat(leftOut.getText())
        .isEqualTo("No longer in this run after the re-run: steps 2, 3, 4 and 5. Hover for why.");
    assertThat(leftOut.getTooltip().getText())
        .startsWith("narration step 2 finds nothing: no event in this run (seed 11) is the 1st")
        .contains("partition event", "\nnarration step 5 finds nothing");
    assertThat(caption.getText()).startsWith("Narrated: 1 of 5 steps. Step ▶");
    robot.clickOn("#nextStep");
    assertThat(caption.getText()).startsWith("Step 1 of 5 · ");
    assertThat(model.timeline().get().line(model.cursor().get())).contains("\"role\":\"LEADER\"");

    robot.clickOn("#saveScenario");
    assertThat(model.status().get())
        .contains(
            "Saved the edited scenario to",
            "narration: step 1 of 5 kept; steps 2, 3, 4 and 5 left out, their moments are not in"
                + " the edited run at its own seed");
    assertThat(directory.resolve("no-split.json")).content().contains("n1 wins the election");
  }
}
