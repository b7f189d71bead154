package faultline.visualizer.view;

import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.MembershipViewModel;
import faultline.visualizer.viewmodel.StepNumbers;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.WhatIf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The whole window: toolbar, timeline, scrubber, status line and the side tabs. */
public final class MainWindow extends BorderPane {
  private final TimelineViewModel model;
  private final WhatIf whatIf;
  private final WhatIf.NarrationCheck narrationCheck;
  private final WindowActions actions;
  private final TimelineView timelineView;
  private final TextArea inspection = new TextArea();
  private final ListView<String> violations = new ListView<>();
  private final TabPane tabs = new TabPane();
  private final Tab helpTab = new Tab("Keys");
  private final Tab inspectTab = new Tab("Inspect");
  private final Tab whatIfTab = new Tab("What-if");
  private final TextField search = new TextField();
  private final Slider scrub = new Slider(0, 1, 1);
  private final Label status = new Label();
  private final FilterPane filters;
  private final WhatIfPane whatIfPane;
  private final Button play = new Button("▶ Play");
  private final MembershipViewModel membership;
  private final MembershipView membershipView;
  private final Tab membersTab = new Tab("Members");
  private final CentrePane centre;
  private final MinimapView minimap;
  private final ToolBar toolbar;
  private boolean scrubbing;

  public MainWindow(
      TimelineViewModel model,
      WhatIf whatIf,
      WhatIf.Runner runner,
      WhatIf.NarrationCheck narrationCheck,
      WindowActions actions) {
    this.model = model;
    this.whatIf = whatIf;
    this.narrationCheck = narrationCheck;
    this.actions = actions;
    this.timelineView = new TimelineView(model);
    this.filters = new FilterPane(model);
    this.whatIfPane = new WhatIfPane(model, whatIf, runner, unused -> saveScenario());
    this.membership = new MembershipViewModel(model);
    this.membershipView = new MembershipView(membership, model);
    membersTab.setContent(new MembersPane(membership, model));
    this.centre = new CentrePane(timelineView, membershipView);
    this.minimap = new MinimapView(model);
    this.toolbar = toolbar();
    setTop(
        new VBox(
            toolbar,
            new NarrationBar(
                model.narrator(),
                button(
                    "previousStep",
                    "◀ Step",
                    "Previous narration step (Shift+P, Page Up)",
                    model.narrator()::previous),
                button(
                    "nextStep",
                    "Step ▶",
                    "Next narration step (Shift+N, Page Down)",
                    model.narrator()::next))));
    setCenter(centre);
    setRight(sideTabs());
    setBottom(bottom());
    model.timeline().addListener((observable, old, run) -> onRun(run));
    model.inspection().addListener((observable, old, text) -> inspection.setText(text));
    model
        .selected()
        .addListener(
            (observable, old, event) -> {
              // Show what was picked, unless the user is editing the schedule.
              if (event.intValue() >= 0 && !whatIfTab.isSelected()) {
                tabs.getSelectionModel().select(inspectTab);
              }
            });
    model.status().addListener((observable, old, text) -> status.setText(text));
    model.cursor().addListener((observable, old, now) -> syncScrub());
    model.playing().addListener((observable, old, now) -> play.setText(now ? "⏸ Pause" : "▶ Play"));
    model
        .fontSize()
        .addListener((observable, old, size) -> setStyle(fontStyle(size.doubleValue())));
    PresentationMode presentation =
        new PresentationMode(model.presentation(), timelineView, List.of(toolbar, minimap));
    // The side panels leave the layout altogether, so that the timeline takes their width.
    Node side = getRight();
    model.presentation().on().addListener((property, was, on) -> setRight(on ? null : side));
    KeyCommands keys =
        new KeyCommands(
            model,
            membership,
            presentation,
            timelineView::requestFocus,
            search::requestFocus,
            this::showHelp);
    addEventFilter(KeyEvent.KEY_PRESSED, keys::onKey);
    setStyle(fontStyle(model.fontSize().get()));
    if (model.timeline().get() != null) {
      onRun(model.timeline().get());
    }
  }

  private static String fontStyle(double size) {
    return String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", size);
  }

  private ToolBar toolbar() {
    ComboBox<String> speed =
        new ComboBox<>(
            FXCollections.observableArrayList(
                "0.01×", "0.1×", "0.5×", "1×", "2×", "5×", "10×", "100×"));
    speed.setId("speed");
    speed.setValue("1×");
    speed.setTooltip(new Tooltip("Playback speed; 1× plays the whole run in 20 seconds"));
    speed.setOnAction(
        event -> {
          Timeline run = model.timeline().get();
          double factor = Double.parseDouble(speed.getValue().replace("×", ""));
          if (run != null) {
            model.speed().set(Math.max(1, run.endNanos()) / 20.0 * factor);
          }
        });
    play.setId("play");
    play.setOnAction(event -> model.togglePlaying());
    search.setId("search");
    search.setPromptText("search (/)");
    search.setPrefColumnCount(12);
    search.setOnAction(
        event -> {
          model.search(search.getText());
          timelineView.requestFocus();
        });
    ComboBox<Integer> font =
        new ComboBox<>(FXCollections.observableArrayList(11, 13, 16, 20, 24, 32));
    font.setId("fontSize");
    font.setValue((int) model.fontSize().get());
    font.setTooltip(new Tooltip("Font size (projectors: 20 or more)"));
    font.setOnAction(event -> model.fontSize().set(font.getValue()));
    ToolBar bar =
        new ToolBar(
            button("open", "Open…", "Open a trace or a scenario", actions::open),
            new Separator(),
            play,
            speed,
            button("previous", "◀ Prev", "Previous event (p, k)", model::stepPrevious),
            button("next", "Next ▶", "Next event (n, j)", model::stepNext),
            button("nextViolation", "Next violation", "v", model::jumpToNextViolation),
            button("nextFault", "Next fault", "f", model::jumpToNextFault),
            button("nextRole", "Next role change", "r", model::jumpToNextRoleChange),
            new Separator(),
            button("zoomIn", "+", "Zoom in (+, wheel)", () -> zoom(0.5)),
            button("zoomOut", "−", "Zoom out (-, wheel)", () -> zoom(2)),
            button("fit", "Fit", "Fit the whole run (0)", model::fit),
            new Separator(),
            search,
            new Label("Font"),
            font,
            button("exportSvg", "SVG…", "Export the current view as SVG", () -> export("svg")),
            button("exportPng", "PNG…", "Export the current view as PNG", () -> export("png")),
            button("help", "?", "Keyboard shortcuts (?)", this::showHelp));
    bar.setId("toolbar");
    return bar;
  }

  private Node sideTabs() {
    inspection.setId("inspection");
    inspection.setEditable(false);
    inspection.setWrapText(true);
    inspection.setStyle("-fx-font-family: monospace;");
    inspectTab.setContent(inspection);
    violations.setId("violations");
    violations
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (observable, old, index) -> {
              Timeline run = model.timeline().get();
              if (run != null
                  && index.intValue() >= 0
                  && index.intValue() < run.violations().size()) {
                int event = run.violations().get(index.intValue());
                model.moveCursorTo(event);
                model.select(event);
              }
            });
    TextArea help = new TextArea(Shortcuts.HELP);
    help.setId("helpText");
    help.setEditable(false);
    help.setStyle("-fx-font-family: monospace;");
    helpTab.setContent(help);
    whatIfTab.setContent(whatIfPane);
    Canvas legend = new Canvas(300, 260);
    new faultline.visualizer.paint.LegendPainter()
        .paint(new CanvasSurface(legend.getGraphicsContext2D()), 4, 4, 290, 13);
    tabs.getTabs()
        .addAll(
            inspectTab,
            new Tab("Violations", violations),
            whatIfTab,
            new Tab("Filters", filters),
            membersTab,
            new Tab("Legend", legend),
            helpTab);
    tabs.getTabs().forEach(tab -> tab.setClosable(false));
    tabs.setPrefWidth(380);
    tabs.setId("tabs");
    return tabs;
  }

  private Node bottom() {
    scrub.setId("scrub");
    scrub
        .valueProperty()
        .addListener(
            (observable, old, value) -> {
              Timeline run = model.timeline().get();
              if (run != null && !scrubbing) {
                scrubbing = true;
                model.scrubTo(Math.round(value.doubleValue() * run.endNanos()));
                scrubbing = false;
              }
            });
    status.setId("status");
    VBox box = new VBox(2, minimap, scrub, status);
    box.setPadding(new Insets(4, 8, 4, 8));
    return box;
  }

  private void syncScrub() {
    Timeline run = model.timeline().get();
    if (run == null || scrubbing || model.cursor().get() < 0) {
      return;
    }
    scrubbing = true;
    scrub.setValue(
        run.endNanos() == 0 ? 1 : (double) run.timeNanos(model.cursor().get()) / run.endNanos());
    scrubbing = false;
  }

  private void onRun(Timeline run) {
    centre.showMembership(run != null && !run.memberViews().isEmpty());
    if (run == null) {
      violations.getItems().clear();
      return;
    }
    ObservableList<String> items = FXCollections.observableArrayList();
    for (int event : run.violations()) {
      String invariant = run.invariantOf(event);
      items.add(
          String.format(
              Locale.ROOT,
              "seq %d  t=%s  %s  %s",
              event + 1,
              faultline.visualizer.paint.Durations.format(run.timeNanos(event)),
              run.lane(event) < 0 ? "" : run.nodes().get(run.lane(event)),
              invariant));
    }
    violations.setItems(items);
    filters.refresh();
    status.setText(model.status().get());
  }

  private void zoom(double factor) {
    long centre = (model.startNanos().get() + model.endNanos().get()) / 2;
    model.zoom(factor, centre);
  }

  private void showHelp() {
    tabs.getSelectionModel().select(helpTab);
  }

  private void export(String format) {
    Path out = actions.chooseSave(format.toUpperCase(Locale.ROOT) + " picture", format);
    if (out != null) {
      exportTo(out, format);
    }
  }

  /** Exports the current view; returns false (and says why in the status line) on failure. */
  public boolean exportTo(Path out, String format) {
    Timeline run = model.timeline().get();
    if (run == null) {
      return false;
    }
    var frame = model.frame(timelineView.getWidth(), timelineView.getHeight());
    String caption = model.narrator().caption().get();
    String title = "faultline " + whatIf.runId() + (caption.isEmpty() ? "" : "\n" + caption);
    try {
      if (format.equals("svg")) {
        Exporter.writeSvg(frame, title, out);
      } else {
        Exporter.writePng(frame, title, out);
      }
      model.status().set("Exported " + out);
      return true;
    } catch (IOException e) {
      model.status().set("Could not export to " + out + ": " + e.getMessage());
      return false;
    }
  }

  private void saveScenario() {
    Path out = actions.chooseSave("Scenario", "json");
    if (out == null) {
      return;
    }
    try {
      WhatIf.SavedNarration narration = whatIf.save(out, narrationCheck);
      model
          .status()
          .set(
              "Saved the edited scenario to "
                  + out
                  + "  (./faultline viz "
                  + out
                  + " --seed "
                  + whatIf.seed()
                  + ")"
                  + savedNarrationNote(narration));
    } catch (IOException | IllegalArgumentException e) {
      model.status().set("Could not save " + out + ": " + e.getMessage());
    }
  }

  /** What became of the narration, so that a left-out step is never a silent loss. */
  private static String savedNarrationNote(WhatIf.SavedNarration narration) {
    if (narration.leftOut().isEmpty()) {
      return narration.kept().isEmpty()
          ? ""
          : "  with its narration (" + narration.kept().size() + " steps)";
    }
    int total = narration.kept().size() + narration.leftOut().size();
    return "  narration: "
        + (narration.kept().isEmpty()
            ? "none of its " + total + " steps kept"
            : StepNumbers.phrase(narration.kept()) + " of " + total + " kept")
        + "; "
        + StepNumbers.phrase(narration.leftOut())
        + " left out, their moments are not in the edited run at its own seed";
  }

  private static Button button(String id, String text, String tip, Runnable action) {
    Button button = new Button(text);
    button.setId(id);
    button.setTooltip(new Tooltip(tip));
    button.setFocusTraversable(false); // Keys keep going to the timeline after a click.
    button.setOnAction(event -> action.run());
    return button;
  }

  public TimelineView timelineView() {
    return timelineView;
  }

  public MembershipViewModel membership() {
    return membership;
  }

  public MembershipView membershipView() {
    return membershipView;
  }

  public WhatIfPane whatIfPane() {
    return whatIfPane;
  }

  List<Tab> tabs() {
    return tabs.getTabs();
  }
}
