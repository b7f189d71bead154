package faultline.visualizer.view;

import faultline.visualizer.paint.MinimapPainter;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.TimelineViewModel;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * An overview of the whole run under the timeline: click or drag to centre the timeline there,
 * keeping its zoom. Violations show as red ticks, so a long run's failures can be found at once.
 */
final class MinimapView extends Region {
  private static final double HEIGHT_PX = 34;

  private final TimelineViewModel model;
  private final Canvas canvas = new Canvas();
  private final MinimapPainter painter = new MinimapPainter();
  private Timeline countedRun;
  private double countedWidth = -1;
  private int[] counts = new int[0];

  MinimapView(TimelineViewModel model) {
    this.model = model;
    setId("minimap");
    getChildren().add(canvas);
    setMinHeight(HEIGHT_PX);
    setPrefHeight(HEIGHT_PX);
    model.revision().addListener((observable, old, now) -> paint());
    widthProperty().addListener((observable, old, now) -> paint());
    setOnMousePressed(this::centreAt);
    setOnMouseDragged(this::centreAt);
  }

  private void centreAt(MouseEvent event) {
    Timeline run = model.timeline().get();
    if (run == null || getWidth() <= 0) {
      return;
    }
    long at = Math.round(event.getX() / getWidth() * run.endNanos());
    long half = (model.endNanos().get() - model.startNanos().get()) / 2;
    model.setWindow(at - half, at + half);
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(HEIGHT_PX);
  }

  private void paint() {
    Timeline run = model.timeline().get();
    var graphics = canvas.getGraphicsContext2D();
    graphics.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (run == null || getWidth() <= 0) {
      return;
    }
    if (run != countedRun || getWidth() != countedWidth) {
      counts = MinimapPainter.columnCounts(run, getWidth());
      countedRun = run;
      countedWidth = getWidth();
    }
    painter.paint(
        new CanvasSurface(graphics),
        run,
        counts,
        getWidth(),
        HEIGHT_PX,
        model.startNanos().get(),
        model.endNanos().get(),
        model.cursor().get());
  }
}
