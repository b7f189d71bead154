package faultline.visualizer.view;

import faultline.visualizer.paint.PresentationSurface;
import faultline.visualizer.paint.Surface;
import faultline.visualizer.viewmodel.Presentation;
import faultline.visualizer.viewmodel.TimelineViewModel;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Presentation mode in the window (F5): full screen, large type, the high-contrast palette with
 * thick lines (the views draw through {@code PresentationSurface} while it is on), the narration's
 * caption bar, and the toolbar, minimap and side panels hidden. F5 again or Esc leaves it, and
 * leaving full screen by any other way leaves it too.
 */
final class PresentationMode {
  static final String EXIT_HINT = "Presentation mode: F5 or Esc leaves";

  /**
   * Whether there is a screen to fill. OpenJFX's headless platform (tests, {@code export}) has
   * none, and resizing one of its windows to "full screen" overruns its pixel buffer.
   */
  private static final boolean SCREEN = !"Headless".equals(System.getProperty("glass.platform"));

  private final Presentation presentation;
  private final Node owner;

  PresentationMode(Presentation presentation, Node owner, List<Node> hidden) {
    this.presentation = presentation;
    this.owner = owner;
    for (Node node : hidden) {
      node.visibleProperty().bind(presentation.on().not());
      node.managedProperty().bind(node.visibleProperty());
    }
    owner.sceneProperty().addListener((observable, old, scene) -> watchFullScreen(scene));
  }

  /** The surface the views draw on: the presentation palette and thick lines while it is on. */
  static Surface surface(TimelineViewModel model, Surface canvas) {
    return model.presentation().on().get() ? new PresentationSurface(canvas) : canvas;
  }

  boolean isOn() {
    return presentation.on().get();
  }

  void toggle() {
    presentation.toggle();

    fullScreen(presentation.on().get());
    owner.requestFocus();
  }

  void leave() {
    if (isOn()) {
      toggle();
    }
  }

  private void fullScreen(boolean wanted) {
    if (!SCREEN) {
      return;
    }
    if (stage() instanceof Stage stage && stage.isFullScreen() != wanted) {
      stage.setFullScreenExitHint(EXIT_HINT);
      // Esc goes through the window's keys, which leave presentation mode and keep the narration.
      stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
      stage.setFullScreen(wanted);
    }
  }

  private Window stage() {
    Scene scene = owner.getScene();
    return scene == null ? null : scene.getWindow();
  }

  /** The platform's own way out of full screen (Esc on most) ends presentation mode too. */
  private void watchFullScreen(Scene scene) {
    if (scene == null) {
      return;
    }
    scene
        .windowProperty()
        .addListener(
            (observable, old, window) -> {
              if (window instanceof Stage stage) {
                stage
                    .fullScreenProperty()
                    .addListener(
                        (property, was, now) -> {
                          if (was && !now && isOn()) {
                            presentation.set(false);
                          }
                        });
              }
            });
  }
}
