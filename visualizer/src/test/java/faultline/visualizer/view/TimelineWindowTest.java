package faultline.visualizer.view;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.app.RunLoader;
import faultline.visualizer.app.VisualizerApp;
import faultline.visualizer.paint.Frame;
import faultline.visualizer.trace.Message;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.WhatIf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on OpenJFX's headless platform, driven by TestFX as a user would: open a scenario,
 * step with buttons and keys, click a message arrow, edit the fault schedule and re-run, export.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {
  @TempDir Path directory;
  private final TimelineViewModel model = new TimelineViewModel();
  private final WhatIf whatIf = new WhatIf();
  private final AtomicReference<Path> nextSave = new AtomicReference<>();
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = VisualizerApp.build(model, whatIf, new SavingWindowActions(nextSave::get));
    Timeline run = RunLoader.open("clocks/lww-skew", null);
    whatIf.load(run.lines().getFirst());
    model.show(run);
    stage.setScene(new Scene(window, 1300, 760));
    stage.show();
  }

  @Test
  void stepsWithButtonsAndKeys(FxRobot robot) {
    robot.interact(() -> model.moveCursorTo(0));
    robot.clickOn("#next");
    assertThat(model.cursor().get()).isEqualTo(1);
    robot.clickOn("#timeline");
    robot.type(KeyCode.N, KeyCode.N);
    assertThat(model.cursor().get()).isEqualTo(3);
    robot.type(KeyCode.P);
    assertThat(model.cursor().get()).isEqualTo(2);
    robot.type(KeyCode.V);
    assertThat(model.timeline().get().line(model.cursor().get())).contains("violation");
    assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("seq");
    robot.clickOn("#help");
    assertThat(robot.lookup("#helpText").queryAs(TextArea.class).isVisible()).isTrue();
    assertThat(robot.lookup("#narration").query().isVisible())
        .as("a run without narration has no Step control")
        .isFalse();
  }

  @Test
  void clickingAnArrowInspectsTheMessage(FxRobot robot) {
    Timeline run = model.timeline().get();
    Message first = run.messages().getFirst();
    TimelineView view = window.timelineView();
    robot.interact(
        () ->
            model.setWindow(
                run.timeNanos(first.sendIndex()) - 2_000_000,
                run.timeNanos(first.deliverIndex()) + 2_000_000));
    Frame frame = model.frame(view.getWidth(), view.getHeight());
    double x =
        (frame.viewport().x(run.timeNanos(first.sendIndex()))
                + frame.viewport().x(run.timeNanos(first.deliverIndex())))
            / 2;
    double y = (frame.laneCentre(first.from()) + frame.laneCentre(first.to())) / 2;
    Bounds bounds = view.localToScreen(view.getBoundsInLocal());
    robot.clickOn(new Point2D(bounds.getMinX() + x, bounds.getMinY() + y));
    assertThat(model.selected().get()).isEqualTo(first.sendIndex());
    String inspection = robot.lookup("#inspection").queryAs(TextArea.class).getText();
    assertThat(inspection).contains("Replicate", "n1 → n2", "payload", "wall", "lamport");
  }

  @Test
  void editsAFaultReRunsAndShowsTheDivergence(FxRobot robot) {
    robot.clickOn("What-if");
    robot.interact(
        () -> {
          robot.lookup("#faultType").queryComboBox().setValue("crash");
        });
    robot.interact(() -> robot.lookup("#faultAt").queryTextInputControl().setText("150ms"));
    robot.clickOn("#addFault");
    assertThat(whatIf.faults()).hasSize(1);
    robot.clickOn("#rerun");
    WaitForAsyncUtils.waitForFxEvents();
    String result = robot.lookup("#whatIfResult").queryAs(Label.class).getText();
    assertThat(result).contains("diverges at seq");
    assertThat(model.divergence().get()).isPositive();
    assertThat(model.timeline().get().outages()).as("the crash is drawn").hasSize(1);
    nextSave.set(directory.resolve("edited.json"));
    robot.clickOn("#saveScenario");
    assertThat(directory.resolve("edited.json")).content().contains("\"crash\"", "150ms");
  }

  @Test
  void exportsTheViewAsPngAndSvg(FxRobot robot) throws Exception {
    Path png = directory.resolve("view.png");
    Path svg = directory.resolve("view.svg");
    nextSave.set(png);
    robot.clickOn("#exportPng");
    nextSave.set(svg);
    robot.clickOn("#exportSvg");
    assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(500);
    assertThat(Files.readString(svg)).contains("<svg", "lane-label", "message delivered");
  }

  @Test
  void clickingTheMinimapCentresTheTimelineThere(FxRobot robot) {
    Timeline run = model.timeline().get();
    robot.interact(() -> model.setWindow(0, run.endNanos() / 10));
    long width = model.endNanos().get() - model.startNanos().get();
    javafx.scene.Node minimap = robot.lookup("#minimap").query();
    Bounds bounds = minimap.localToScreen(minimap.getBoundsInLocal());
    robot.clickOn(new Point2D(bounds.getMinX() + bounds.getWidth() * 0.75, bounds.getCenterY()));
    long centre = (model.startNanos().get() + model.endNanos().get()) / 2;
    assertThat(model.endNanos().get() - model.startNanos().get()).as("zoom kept").isEqualTo(width);
    assertThat((double) centre / run.endNanos())
        .isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.02));
  }

  @Test
  void aBrokenTraceIsExplainedInTheWindow(FxRobot robot) {
    robot.interact(() -> model.showProblem("Cannot open x.jsonl:\nx.jsonl:3:1: truncated"));
    Label problem = robot.lookup("#problem").queryAs(Label.class);
    assertThat(problem.isVisible()).isTrue();
    assertThat(problem.getText()).contains("truncated");
  }
}
