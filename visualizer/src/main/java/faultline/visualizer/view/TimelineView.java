package faultline.visualizer.view;

import faultline.visualizer.paint.Frame;
import faultline.visualizer.paint.TimelinePainter;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.Viewport;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;

/**
 * The space-time diagram: a canvas repainted from the view model whenever it changes. Wheel zooms
 * around the pointer, dragging pans, a click selects. It imports nothing of the engine.
 */
public final class TimelineView extends Region {
  private final Canvas canvas = new Canvas();
  private final Label problem = new Label();
  private final TimelinePainter painter = new TimelinePainter();
  private final TimelineViewModel model;
  private double dragStartX = Double.NaN;
  private long dragStartNanos;
  private boolean dragged;
  private long lastPaintNanos;

  public TimelineView(TimelineViewModel model) {
    this.model = model;
    setId("timeline");
    problem.setId("problem");
    problem.setWrapText(true);
    problem.setVisible(false);
    problem.setStyle("-fx-font-size: 16px; -fx-text-fill: #D55E00; -fx-padding: 24;");
    getChildren().addAll(canvas, problem);
    setFocusTraversable(true);
    setMinSize(200, 120);
    model.revision().addListener((observable, old, now) -> paint());
    model.problem().addListener((observable, old, now) -> paint());
    widthProperty().addListener((observable, old, now) -> paint());
    heightProperty().addListener((observable, old, now) -> paint());
    setOnScroll(
        event -> {
          if (model.timeline().get() == null || event.getDeltaY() == 0) {
            return;
          }
          Viewport viewport = model.frame(getWidth(), getHeight()).viewport();
          double factor = event.getDeltaY() > 0 ? 0.8 : 1.25;
          model.zoom(factor, viewport.nanosAt(event.getX()));
          event.consume();
        });
    setOnMousePressed(
        event -> {
          requestFocus();
          dragStartX = event.getX();
          dragStartNanos = model.startNanos().get();
          dragged = false;
        });
    setOnMouseDragged(
        event -> {
          if (Double.isNaN(dragStartX) || model.timeline().get() == null) {
            return;
          }
          double dx = event.getX() - dragStartX;
          if (Math.abs(dx) > 3) {
            dragged = true;
          }
          Viewport viewport = model.frame(getWidth(), getHeight()).viewport();
          long width = model.endNanos().get() - model.startNanos().get();
          long start = dragStartNanos - Math.round(dx * viewport.nanosPerPx());
          model.setWindow(start, start + width);
        });
    setOnMouseReleased(
        event -> {
          if (!dragged && event.getButton() == MouseButton.PRIMARY) {
            model.selectAt(event.getX(), event.getY(), getWidth(), getHeight());
          }
          dragStartX = Double.NaN;
        });
  }

  @Override
  protected void layoutChildren() {
    problem.resizeRelocate(0, 0, getWidth(), getHeight());
    if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
      canvas.setWidth(getWidth());
      canvas.setHeight(getHeight());
      // The size listeners fire before the canvas has its new size: a pane that grows at once
      // (the side panels leaving for presentation mode) would keep a blank strip.
      paint();
    }
  }

  /** Repaints now; returns how long painting took, for the frame-time measurements. */
  public long paint() {
    long started = System.nanoTime();
    boolean broken = model.timeline().get() == null;
    problem.setVisible(broken && model.problem().get() != null);
    problem.setText(model.problem().get() == null ? "" : model.problem().get());
    var graphics = canvas.getGraphicsContext2D();
    graphics.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (!broken && getWidth() > 0 && getHeight() > 0) {
      Frame frame = model.frame(getWidth(), getHeight());
      painter.paint(PresentationMode.surface(model, new CanvasSurface(graphics)), frame);
    }
    lastPaintNanos = System.nanoTime() - started;
    return lastPaintNanos;
  }

  public long lastPaintNanos() {
    return lastPaintNanos;
  }

  public Canvas canvas() {
    return canvas;
  }
}
