package faultline.visualizer.view;

import faultline.visualizer.viewmodel.Narrator;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Step control and the caption, over the timeline, for a narrated run (and absent for any
 * other): the buttons walk the narration, the caption says what the step shows, in large type on
 * black. Nothing here takes focus, so the keys keep stepping.
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
                    narrator.current().get() >= 0
                        ? narrator.caption().get()
                        : "Narrated: "
                            + narrator.stepCount().get()
                            + " steps. Step ▶ (Shift+N or Page Down) walks through them.",
                narrator.current(),
                narrator.caption(),
                narrator.stepCount()));
    HBox.setHgrow(caption, Priority.ALWAYS);
    previous.setMinWidth(Region.USE_PREF_SIZE); // The caption wraps; the buttons keep their text.
    next.setMinWidth(Region.USE_PREF_SIZE);
    getChildren().addAll(previous, next, caption);
    visibleProperty().bind(narrator.stepCount().greaterThan(0));
    managedProperty().bind(visibleProperty());
  }
}
