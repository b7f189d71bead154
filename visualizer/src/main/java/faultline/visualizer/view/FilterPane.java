package faultline.visualizer.view;

import faultline.visualizer.trace.Timeline;
import faultline.visualizer.viewmodel.TimelineViewModel;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** Check boxes that show or hide nodes and message types. */
final class FilterPane extends ScrollPane {
  private final TimelineViewModel model;
  private final VBox nodes = new VBox(4);
  private final VBox types = new VBox(4);

  FilterPane(TimelineViewModel model) {
    this.model = model;
    nodes.setId("nodeFilters");
    types.setId("typeFilters");
    VBox content = new VBox(6, new Label("Nodes"), nodes, new Label("Message types"), types);
    content.setPadding(new Insets(6));
    setContent(content);
    setFitToWidth(true);
  }

  void refresh() {
    Timeline run = model.timeline().get();
    nodes.getChildren().clear();
    types.getChildren().clear();
    if (run == null) {
      return;
    }
    for (String node : run.nodes()) {
      CheckBox box = new CheckBox(node);
      box.setId("show-node-" + node);
      box.setSelected(!model.hiddenNodes().contains(node));
      box.selectedProperty()
          .addListener(
              (observable, old, shown) -> {
                if (shown) {
                  model.hiddenNodes().remove(node);
                } else {
                  model.hiddenNodes().add(node);
                }
              });
      nodes.getChildren().add(box);
    }
    for (String type : model.messageTypes()) {
      CheckBox box = new CheckBox(type);
      box.setId("show-type-" + type);
      box.setSelected(!model.hiddenMessageTypes().contains(type));
      box.selectedProperty()
          .addListener(
              (observable, old, shown) -> {
                if (shown) {
                  model.hiddenMessageTypes().remove(type);
                } else {
                  model.hiddenMessageTypes().add(type);
                }
              });
      types.getChildren().add(box);
    }
  }
}
