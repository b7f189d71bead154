package faultline.visualizer.app;

import faultline.visualizer.trace.Timeline;
import faultline.visualizer.view.MainWindow;
import faultline.visualizer.view.WindowActions;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.WhatIf;
import java.io.File;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The desktop application: one window on one run. Opening runs off the UI thread, so a large trace
 * never freezes the window; a run that cannot be opened is explained in the window.
 */
public final class VisualizerApp extends Application {
  private static volatile String initialArgument;
  private static volatile Long initialSeed;

  private final TimelineViewModel model = new TimelineViewModel();
  private final WhatIf whatIf = new WhatIf();
  private Stage stage;
  private MainWindow window;

  /** What {@code viz} asked to open, read by {@link #start}. */
  static void setInitial(String argument, Long seed) {
    initialArgument = argument;
    initialSeed = seed;
  }

  @Override
  public void start(Stage primaryStage) {
    this.stage = primaryStage;
    window =
        build(
            model,
            whatIf,
            new WindowActions() {
              @Override
              public void open() {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Open a trace (.jsonl) or a scenario (.json)");
                File file = chooser.showOpenDialog(stage);
                if (file != null) {
                  load(file.getPath(), null);
                }
              }

              @Override
              public Path chooseSave(String description, String extension) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Save " + description);
                chooser
                    .getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(description, "*." + extension));
                File file = chooser.showSaveDialog(stage);
                return file == null ? null : file.toPath();
              }
            });
    Scene scene = new Scene(window, 1400, 820);
    stage.setTitle("Faultline timeline");
    stage.setScene(scene);
    stage.show();
    startPlayback(model);
    if (initialArgument != null) {
      load(initialArgument, initialSeed);
    } else {
      model.showProblem(
          "Nothing open. Use Open… to choose a trace (.jsonl) or a scenario, or run"
              + " ./faultline viz clocks/lww-skew");
    }
    window.timelineView().requestFocus();
  }

  /** Builds the window around a model (tests build it the same way). */
  public static MainWindow build(TimelineViewModel model, WhatIf whatIf, WindowActions actions) {
    return new MainWindow(
        model, whatIf, RunLoader.whatIfRunner(), RunLoader.narrationCheck(), actions);
  }

  /** Drives playback from the JavaFX pulse. */
  public static void startPlayback(TimelineViewModel model) {
    new AnimationTimer() {
      private long last;

      @Override
      public void handle(long now) {
        if (last != 0 && model.playing().get()) {
          model.advance(now - last);
        }
        last = now;
      }
    }.start();
  }

  private static String narrationNote(RunLoader.OpenedRun opened) {
    if (!opened.missing().isEmpty()) {
      return "  " + String.join("; ", opened.missing());
    }
    return opened.steps().isEmpty()
        ? ""
        : "  narrated: "
            + opened.steps().size()
            + " steps: Step ▶, Shift+N or Page Down walks through them (F5 presents)";
  }

  private void load(String argument, Long seed) {
    model.status().set("Opening " + argument + "…");
    Thread loader =
        new Thread(
            () -> {
              try {
                long started = System.nanoTime();
                RunLoader.OpenedRun opened = RunLoader.openRun(argument, seed);
                Timeline run = opened.timeline();
                long openedMillis = (System.nanoTime() - started) / 1_000_000;
                Platform.runLater(
                    () -> {
                      whatIf.load(run.lines().getFirst(), opened.writtenNarration());
                      model.divergence().set(-1);
                      model.show(run);
                      model.narrator().load(opened.steps(), opened.missing(), opened.narration());
                      model
                          .status()
                          .set(
                              model.status().get()
                                  + "  (opened in "
                                  + openedMillis
                                  + " ms)"
                                  + narrationNote(opened));
                      stage.setTitle("Faultline timeline: " + run.name() + " seed " + run.seed());
                    });
              } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(
                    () -> model.showProblem("Cannot open " + argument + ":\n" + message));
              }
            },
            "faultline-open");
    loader.setDaemon(true);
    loader.start();
  }
}
