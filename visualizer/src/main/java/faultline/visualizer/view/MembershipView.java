package faultline.visualizer.view;

import faultline.visualizer.paint.MembershipPainter;
import faultline.visualizer.viewmodel.MembershipViewModel;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.Viewport;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The membership view under the timeline, on its time axis: wheel zooms and dragging pans both
 * views together, hovering tells a view's state, incarnation, source and message, a click selects
 * the record in the timeline (or, in the every-member view, opens that member's views).
 */
public final class MembershipView extends Region {
  private final Canvas canvas = new Canvas();
  private final MembershipPainter painter = new MembershipPainter();
  private final MembershipViewModel model;
  private final TimelineViewModel timeline;
  private final Tooltip tooltip = new Tooltip();
  private double dragStartX = Double.NaN;
  private long dragStartNanos;
  private boolean dragged;

  public MembershipView(MembershipViewModel model, TimelineViewModel timeline) {
    this.model = model;
    this.timeline = timeline;
    setId("membership");
    getChildren().add(canvas);
    setFocusTraversable(true);
    setMinSize(200, 80);
    tooltip.setShowDelay(Duration.millis(150));
    tooltip.setShowDuration(Duration.seconds(30));
    tooltip.setStyle("-fx-font-family: monospace;");
    Tooltip.install(this, tooltip);
    model.revision().addListener((observable, old, now) -> paint());
    setOnMouseMoved(
        event -> {
          String text = model.describeAt(event.getX(), event.getY(), getWidth(), getHeight());
          tooltip.setText(text == null ? "" : text);
          tooltip.setOpacity(text == null ? 0 : 1);
        });
    setOnScroll(
        event -> {
          if (timeline.timeline().get() == null || event.getDeltaY() == 0) {
            return;
          }
          Viewport viewport = model.frame(getWidth(), getHeight()).viewport();
          timeline.zoom(event.getDeltaY() > 0 ? 0.8 : 1.25, viewport.nanosAt(event.getX()));
          event.consume();
        });
    setOnMousePressed(
        event -> {
          requestFocus();
          dragStartX = event.getX();
          dragStartNanos = timeline.startNanos().get();
          dragged = false;
        });
    setOnMouseDragged(
        event -> {
          if (Double.isNaN(dragStartX) || timeline.timeline().get() == null) {
            return;
          }
          double dx = event.getX() - dragStartX;
          dragged |= Math.abs(dx) > 3;
          Viewport viewport = model.frame(getWidth(), getHeight()).viewport();
          long width = timeline.endNanos().get() - timeline.startNanos().get();
          long start = dragStartNanos - Math.round(dx * viewport.nanosPerPx());
          timeline.setWindow(start, start + width);
        });
    setOnMouseReleased(
        event -> {
          if (!dragged && event.getButton() == MouseButton.PRIMARY) {
            model.clickAt(event.getX(), event.getY(), getWidth(), getHeight());
          }
          dragStartX = Double.NaN;
        });
  }

  @Override
  protected void layoutChildren() {
    if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
      canvas.setWidth(getWidth());
      canvas.setHeight(getHeight());
      paint(); // The size listeners fire before the canvas has its new size.
    }
  }

  public void paint() {
    var graphics = canvas.getGraphicsContext2D();
    graphics.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (model.available() && getWidth() > 0 && getHeight() > 0) {
      painter.paint(
          PresentationMode.surface(timeline, new CanvasSurface(graphics)),
          model.frame(getWidth(), getHeight()));
    }
  }

  public Canvas canvas() {
    return canvas;
  }
}
