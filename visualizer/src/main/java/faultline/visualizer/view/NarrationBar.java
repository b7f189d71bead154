package faultline.visualizer.view;

import faultline.visualizer.viewmodel.Narrator;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Step control and the caption, over the timeline, for a narrated run (and absent for any
 * other): the buttons walk the narration, the caption says what the step shows, in large type on
 * black, and a second line names the steps this run lacks (after a what-if re-run, or at another
 * seed). Nothing here takes focus, so the keys keep stepping.
 */
final class NarrationBar extends HBox {
  NarrationBar(Narrator narrator, Button previous, Button next) {
    super(8);
    setId("narration");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(4, 12, 4, 8));
    setStyle("-fx-background-color: #000000;");
    Label caption = new Label();
    caption.setId("caption");
    caption.setWrapText(true);
    caption.setMaxWidth(Double.MAX_VALUE);
    caption.setFocusTraversable(false);
    caption.setStyle("-fx-font-size: 1.35em; -fx-font-weight: bold; -fx-text-fill: #FFFFFF;");
    caption
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    narrator.current().get() >= 0 ? narrator.caption().get() : narrator.overview(),
                narrator.current(),
                narrator.caption(),
                narrator.stepCount(),
                narrator.leftOut()));
    // The steps a re-run (or another seed) lacks, named in the bar where the steps are walked.
    Label leftOut = new Label();
    leftOut.setId("narrationLeftOut");
    leftOut.setWrapText(true);
    leftOut.setMaxWidth(Double.MAX_VALUE);
    leftOut.setFocusTraversable(false);
    leftOut.setStyle("-fx-text-fill: #F0E442;"); // Okabe-Ito yellow: readable on black.
    leftOut.textProperty().bind(narrator.leftOut());
    Tooltip reasons = new Tooltip();
    reasons.textProperty().bind(narrator.leftOutReasons());
    leftOut.setTooltip(reasons);
    leftOut.visibleProperty().bind(narrator.leftOut().isNotEmpty());
    leftOut.managedProperty().bind(leftOut.visibleProperty());
    previous.setMinWidth(Region.USE_PREF_SIZE); // The caption wraps; the buttons keep their text.
    next.setMinWidth(Region.USE_PREF_SIZE);
    VBox text = new VBox(2, caption, leftOut);
    HBox.setHgrow(text, Priority.ALWAYS);
    getChildren().addAll(previous, next, text);
    visibleProperty().bind(narrator.stepCount().greaterThan(0).or(narrator.leftOut().isNotEmpty()));
    managedProperty().bind(visibleProperty());
  }
}
