package faultline.visualizer.view;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.app.RunLoader;
import faultline.visualizer.app.VisualizerApp;
import faultline.visualizer.viewmodel.Presentation;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.WhatIf;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
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
 * Presentation mode on OpenJFX's headless platform: F5 turns on large type, the high-contrast
 * palette with thick lines (read back from the canvas's pixels), hides the toolbar, minimap and
 * side panels, keeps the caption bar, and lets the arrow keys step the narration; Esc gives
 * everything back.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationWindowTest {
  // Message arrows and the partition's label: blue in both palettes, a different blue.
  private static final int WINDOW_BLUE = 0x0072B2;
  private static final int PRESENTATION_BLUE = 0x1F63B8;

  private final TimelineViewModel model = new TimelineViewModel();
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = VisualizerApp.build(model, new WhatIf(), new NoWindowActions());
    RunLoader.OpenedRun opened = RunLoader.openRun("raft/split-brain", null);
    model.show(opened.timeline());
    model.narrator().load(opened.steps());
    stage.setScene(new Scene(window, 1300, 760));
    stage.show();
  }

  @Test
  void f5PresentsAndEscGivesTheWindowBack(FxRobot robot) {
    robot.clickOn("#timeline");
    robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN); // Step 2: the partition, with its caption.
    assertThat(colourCount(robot, WINDOW_BLUE)).isPositive();
    assertThat(colourCount(robot, PRESENTATION_BLUE)).isZero();

    robot.type(KeyCode.F5);

    assertThat(model.presentation().on().get()).isTrue();
    assertThat(model.fontSize().get()).isEqualTo(Presentation.FONT_SIZE);
    assertThat(robot.lookup("#toolbar").query().isVisible()).isFalse();
    assertThat(window.getRight()).as("the side panels leave the layout").isNull();
    assertThat(robot.lookup("#minimap").query().isVisible()).isFalse();
    assertThat(robot.lookup("#narration").query().isVisible()).isTrue();
    assertThat(colourCount(robot, PRESENTATION_BLUE)).isPositive();
    assertThat(colourCount(robot, WINDOW_BLUE)).isZero();

    robot.type(KeyCode.RIGHT);
    assertThat(model.narrator().current().get()).isEqualTo(2);
    robot.type(KeyCode.RIGHT, KeyCode.LEFT);
    assertThat(model.narrator().current().get()).isEqualTo(2);

    robot.type(KeyCode.ESCAPE);

    assertThat(model.presentation().on().get()).isFalse();
    assertThat(model.fontSize().get()).isEqualTo(13);
    assertThat(robot.lookup("#toolbar").query().isVisible()).isTrue();
    assertThat(robot.lookup("#tabs").query().isVisible()).isTrue();
    assertThat(window.getRight()).isNotNull();
    assertThat(robot.lookup("#minimap").query().isVisible()).isTrue();
    assertThat(model.narrator().current().get()).as("Esc leaves full screen only").isEqualTo(2);
    assertThat(colourCount(robot, PRESENTATION_BLUE)).isZero();
  }

  @Test
  void f5AgainLeavesAndArrowsPanWhenNotPresenting(FxRobot robot) {
    robot.clickOn("#timeline");
    robot.type(KeyCode.F5, KeyCode.F5);
    assertThat(model.presentation().on().get()).isFalse();
    long start = model.startNanos().get();
    robot.type(KeyCode.RIGHT);
    assertThat(model.startNanos().get()).isGreaterThan(start);
    assertThat(model.narrator().current().get()).isEqualTo(-1);
  }

  /**
   * Pixels of one colour (each channel within 2) in the timeline, from a snapshot of its canvas.
   */
  private int colourCount(FxRobot robot, int rgb) {
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(
        () -> {
          window.timelineView().paint();
          image.set(window.timelineView().canvas().snapshot(null, null));
        });
    PixelReader pixels = image.get().getPixelReader();
    int count = 0;
    for (int y = 0; y < (int) image.get().getHeight(); y++) {
      for (int x = 0; x < (int) image.get().getWidth(); x++) {
        if (near(pixels.getArgb(x, y), rgb)) {
          count++;
        }
      }
    }
    return count;
  }

  private static boolean near(int argb, int rgb) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((argb >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) > 2) {
        return false;
      }
    }
    return true;
  }
}
