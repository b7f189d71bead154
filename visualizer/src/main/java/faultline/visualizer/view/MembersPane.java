package faultline.visualizer.view;

import faultline.visualizer.paint.Durations;
import faultline.visualizer.paint.MatrixPainter;
import faultline.visualizer.paint.MembershipLegendPainter;
import faultline.visualizer.trace.MemberViews;
import faultline.visualizer.trace.Membership.Segment;
import faultline.visualizer.trace.Membership.Update;
import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.MembershipViewModel;
import faultline.visualizer.viewmodel.TimelineViewModel;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The Members tab: which member's views the membership view shows, which update's spread it draws,
 * the matrix of every member's view of every other at the cursor, and the key to the colours.
 */
public final class MembersPane extends VBox {
  private static final double MATRIX_PX = 340;
  private final MembershipViewModel model;
  private final TimelineViewModel timeline;
  private final ComboBox<String> members = new ComboBox<>();
  private final ComboBox<Update> updates = new ComboBox<>();
  private final Canvas matrix = new Canvas(MATRIX_PX, MATRIX_PX + 24);
  private final Canvas legend = new Canvas(MATRIX_PX, 90);
  private final Label note = new Label();
  private final Tooltip matrixTip = new Tooltip();
  private boolean syncing;
  private MemberViews shownViews;
  private int shownSubject = -2;
  private long shownNanos = Long.MIN_VALUE;
  private double shownFont;

  public MembersPane(MembershipViewModel model, TimelineViewModel timeline) {
    super(6);
    this.model = model;
    this.timeline = timeline;
    setId("membersPane");
    setStyle("-fx-padding: 6;");
    members.setId("memberChoice");
    members.setFocusTraversable(false);
    members.setOnAction(
        event -> {
          if (!syncing && members.getSelectionModel().getSelectedIndex() >= 0) {
            model.showMember(members.getSelectionModel().getSelectedIndex() - 1);
          }
        });
    updates.setId("updateChoice");
    updates.setFocusTraversable(false);
    updates.setPromptText("gossip spread of… (g)");
    updates.setConverter(new UpdateText());
    updates.setOnAction(
        event -> {
          if (!syncing && updates.getValue() != null) {
            model.showSpread(updates.getValue());
          }
        });
    Button clear = new Button("Clear");
    clear.setId("clearSpread");
    clear.setFocusTraversable(false);
    clear.setOnAction(event -> model.clearSpread());
    note.setWrapText(true);
    note.setId("membersNote");
    matrix.setId("matrix");
    matrixTip.setShowDelay(Duration.millis(150));
    matrixTip.setStyle("-fx-font-family: monospace;");
    Tooltip.install(matrix, matrixTip);
    matrix.setOnMouseMoved(event -> matrixTip.setText(describeCell(event.getX(), event.getY())));
    matrix.setOnMouseClicked(event -> clickCell(event.getX(), event.getY()));
    getChildren()
        .addAll(
            new HBox(6, new Label("Views of"), members),
            new HBox(6, updates, clear),
            matrix,
            legend,
            note);
    model.revision().addListener((observable, old, now) -> refresh());
    refresh();
  }

  private void refresh() {
    syncing = true;
    try {
      MemberViews views = model.views();
      boolean available = model.available();
      setDisable(!available);
      if (!available) {
        members.getItems().clear();
        updates.getItems().clear();
        note.setText("This run has no membership records (SWIM and heartbeat runs have).");
        matrix.getGraphicsContext2D().clearRect(0, 0, matrix.getWidth(), matrix.getHeight());
        return;
      }
      if (members.getItems().size() != views.size() + 1) {
        List<String> names = new java.util.ArrayList<>();
        names.add("every member");
        names.addAll(views.names());
        members.setItems(FXCollections.observableArrayList(names));
      }
      members.getSelectionModel().select(model.subject().get() + 1);
      boolean anew = views != shownViews || model.subject().get() != shownSubject;
      if (anew) {
        updates.setItems(FXCollections.observableArrayList(model.updates()));
      }
      updates.setValue(model.update().get());
      note.setText(
          views.assumedBaselines()
              ? "This detector does not announce whom it starts with: every node is taken to hold"
                  + " every node alive from its start."
              : "Matrix: row = the member holding the view, column = the member it is about, at"
                  + " the cursor. Click a column to see every view of that member over time.");
      // The matrix replays the whole run up to the cursor: only when the cursor or the run moved.
      if (anew || matrixNanos() != shownNanos || timeline.fontSize().get() != shownFont) {
        paintMatrix(views);
      }
      shownViews = views;
      shownSubject = model.subject().get();
      shownNanos = matrixNanos();
      shownFont = timeline.fontSize().get();
    } finally {
      syncing = false;
    }
  }

  private long matrixNanos() {
    Timeline run = timeline.timeline().get();
    int cursor = timeline.cursor().get();
    return run == null || cursor < 0 ? 0 : run.timeNanos(cursor);
  }

  private void paintMatrix(MemberViews views) {
    double font = Math.min(16, timeline.fontSize().get());
    var graphics = matrix.getGraphicsContext2D();
    graphics.clearRect(0, 0, matrix.getWidth(), matrix.getHeight());
    new MatrixPainter()
        .paint(
            new CanvasSurface(graphics),
            views,
            matrixNanos(),
            MATRIX_PX,
            font,
            "every view at t=" + Durations.format(matrixNanos()));
    var legendGraphics = legend.getGraphicsContext2D();
    legendGraphics.clearRect(0, 0, legend.getWidth(), legend.getHeight());
    new MembershipLegendPainter()
        .paint(new CanvasSurface(legendGraphics), 2, 2, legend.getWidth() - 4, font);
  }

  private String describeCell(double x, double y) {
    MemberViews views = model.views();
    if (!model.available()) {
      return "";
    }
    var g =
        MatrixPainter.geometry(views.size(), MATRIX_PX, Math.min(16, timeline.fontSize().get()));
    int member = g.memberAtX(x, views.size());
    int observer = g.memberAtY(y, views.size());
    if (member < 0 || observer < 0) {
      return "";
    }
    long t = matrixNanos();
    String who = views.names().get(observer) + " → " + views.names().get(member);
    if (g.perCell() > 1) {
      return who + " and the " + g.perCell() + "×" + g.perCell() + " block around them";
    }
    for (Segment s : views.segmentsAbout(member).get(observer)) {
      if (s.startNanos() <= t && t < s.endNanos()) {
        return who
            + ": "
            + s.state().label()
            + " at incarnation "
            + s.incarnation()
            + (s.falsePositive() ? "  FALSE POSITIVE" : "")
            + "\nsince "
            + Durations.format(s.startNanos())
            + (s.source() >= 0 ? ", on the word of " + views.names().get(s.source()) : "");
      }
    }
    return who + ": not in its list";
  }

  private void clickCell(double x, double y) {
    MemberViews views = model.views();
    if (!model.available()) {
      return;
    }
    var g =
        MatrixPainter.geometry(views.size(), MATRIX_PX, Math.min(16, timeline.fontSize().get()));
    int member = g.memberAtX(x, views.size());
    if (member >= 0 && g.memberAtY(y, views.size()) >= 0) {
      model.showMember(member);
    }
  }

  /** Updates read as "n3 faulty at incarnation 0 (from 12.3s)". */
  private final class UpdateText extends StringConverter<Update> {
    @Override
    public String toString(Update update) {
      return update == null || model.views() == null
          ? ""
          : update.label(model.views().names())
              + " ("
              + Durations.format(update.firstNanos())
              + ")";
    }

    @Override
    public Update fromString(String text) {
      return null;
    }
  }
}
