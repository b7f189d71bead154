package faultline.visualizer.view;

import faultline.visualizer.trace.Timeline;
import faultline.visualizer.trace.TraceReader;
import faultline.visualizer.viewmodel.TimelineViewModel;
import faultline.visualizer.viewmodel.WhatIf;
import faultline.visualizer.viewmodel.WhatIf.FaultRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Edits the fault schedule and re-runs it with the same seed. After a re-run the timeline shows the
 * new run with a line where it first differs from the previous one, and the scenario's narration
 * found again in it (the steps it no longer has are named).
 */
final class WhatIfPane extends VBox {
  private final TimelineViewModel model;
  private final WhatIf whatIf;
  private final WhatIf.Runner runner;
  private final ListView<FaultRow> list = new ListView<>();
  private final TextField at = new TextField("500ms");
  private final ComboBox<String> type = new ComboBox<>();
  private final TextField details = new TextField();
  private final Label result = new Label("Edit the schedule, then re-run with the same seed.");

  WhatIfPane(TimelineViewModel model, WhatIf whatIf, WhatIf.Runner runner, Consumer<Path> save) {
    super(6);
    this.model = model;
    this.whatIf = whatIf;
    this.runner = runner;
    setPadding(new Insets(6));
    list.setId("faults");
    list.setItems(whatIf.faults());
    list.setPrefHeight(160);
    at.setId("faultAt");
    at.setPrefColumnCount(6);
    type.setId("faultType");
    type.getItems().setAll(WhatIf.faultTypes());
    type.setValue("crash");
    details.setId("faultDetails");
    result.setId("whatIfResult");
    result.setWrapText(true);
    type.setOnAction(event -> details.setText(template().details()));
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (observable, old, row) -> {
              if (row != null) {
                at.setText(row.at());
                type.setValue(row.type());
                details.setText(row.details());
              }
            });
    Button add = button("addFault", "Add", () -> whatIf.add(row()));
    Button apply =
        button(
            "applyFault",
            "Change",
            () -> {
              int index = list.getSelectionModel().getSelectedIndex();
              if (index >= 0) {
                whatIf.replace(index, row());
              }
            });
    Button remove =
        button(
            "removeFault",
            "Remove",
            () -> {
              int index = list.getSelectionModel().getSelectedIndex();
              if (index >= 0) {
                whatIf.remove(index);
              }
            });
    Button rerun = button("rerun", "Re-run (same seed)", this::rerun);
    rerun.setDefaultButton(false);
    Button saveButton = button("saveScenario", "Save scenario…", () -> save.accept(null));
    HBox fields = new HBox(4, new Label("at"), at, type);
    HBox buttons = new HBox(4, add, apply, remove);
    HBox runs = new HBox(4, rerun, saveButton);
    HBox.setHgrow(details, Priority.ALWAYS);
    getChildren()
        .addAll(
            new Label("Fault schedule"),
            list,
            fields,
            new Label("fields (JSON)"),
            details,
            buttons,
            runs,
            result);
    details.setText(template().details());
  }

  private FaultRow template() {
    Timeline run = model.timeline().get();
    return whatIf.template(type.getValue(), at.getText(), run == null ? List.of() : run.nodes());
  }

  private FaultRow row() {
    return new FaultRow(at.getText().trim(), type.getValue(), details.getText().trim());
  }

  private static Button button(String id, String text, Runnable action) {
    Button button = new Button(text);
    button.setId(id);
    button.setOnAction(event -> action.run());
    return button;
  }

  /** Re-runs the edited schedule; on a bad edit keeps the old run and says what is wrong. */
  void rerun() {
    Timeline previous = model.timeline().get();
    if (previous == null) {
      return;
    }
    List<String> lines;
    try {
      lines = whatIf.rerun(runner);
    } catch (IllegalArgumentException e) {
      result.setText("Not re-run: " + e.getMessage());
      return;
    }
    Timeline next = TraceReader.fromLines("(re-run)", lines);
    int difference = WhatIf.firstDifference(previous.lines(), lines);
    model.show(next);
    String narration = model.narrator().findIn(lines, whatIf.seed());
    model.divergence().set(difference);
    if (difference >= 0 && difference < next.eventCount()) {
      model.moveCursorTo(difference);
      model.select(difference);
      model.moveCursorTo(next.eventCount() - 1);
    }
    result.setText(
        (difference < 0
                ? "Re-run with seed " + whatIf.seed() + ": identical to the previous run."
                : String.format(
                    Locale.ROOT,
                    "Re-run with seed %d: diverges at seq %d. Violations %d → %d; events %,d → %,d.",
                    whatIf.seed(),
                    difference + 1,
                    previous.violations().size(),
                    next.violations().size(),
                    previous.eventCount(),
                    next.eventCount()))
            + (narration.isEmpty() ? "" : " " + narration));
    model.status().set("run: " + whatIf.runId());
  }

  Label result() {
    return result;
  }
}
