package faultline.visualizer.viewmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.scenarios.model.FaultKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fault schedule of the shown run, editable: add, move (change {@code at}) or remove a fault of
 * any kind, re-run the edited scenario with the same seed, and save it. The run itself is done by
 * an injected {@link Runner}, so this class never touches the engine.
 */
public final class WhatIf {
  /** Runs a scenario (as JSON) with a seed and returns its trace lines, header first. */
  @FunctionalInterface
  public interface Runner {
    /**
     * @throws IllegalArgumentException with a one-line reason when the edited scenario is invalid
     */
    List<String> run(ObjectNode scenario, long seed);
  }

  /**
   * One scheduled fault.
   *
   * @param at a duration such as {@code 800ms}
   * @param type {@code partition}, {@code crash}, {@code pause}, {@code clock-jump}, ...
   * @param details the other fields as JSON members without braces, e.g. {@code "node": "n2"}
   */
  public record FaultRow(String at, String type, String details) {
    @Override
    public String toString() {
      return at + "  " + type + (details.isBlank() ? "" : "  " + details);
    }
  }

  /**
   * The fault types a new fault may have, in the order of the scenario format's table of fault
   * kinds (so the menu is the same on every run, and has every kind the loader reads).
   */
  public static List<String> faultTypes() {
    return FaultKind.typeNames();
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObservableList<FaultRow> faults = FXCollections.observableArrayList();
  private ObjectNode base = JSON.createObjectNode();
  private long seed;
  private int edits;

  /** Takes the scenario and seed from a run's header line. */
  public void load(String headerLine) {
    try {
      JsonNode header = JSON.readTree(headerLine);
      base =
          header.path("scenario").isObject()
              ? (ObjectNode) header.get("scenario").deepCopy()
              : JSON.createObjectNode();
      seed = header.path("seed").asLong();
    } catch (JsonProcessingException e) {
      base = JSON.createObjectNode();
    }
    faults.clear();
    for (JsonNode fault : base.path("faults")) {
      faults.add(row((ObjectNode) fault));
    }
    edits = 0;
  }

  private static FaultRow row(ObjectNode fault) {
    StringBuilder details = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> fields = fault.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equals("at") || field.getKey().equals("type")) {
        continue;
      }
      if (!details.isEmpty()) {
        details.append(", ");
      }
      details.append('"').append(field.getKey()).append("\": ").append(field.getValue());
    }
    return new FaultRow(fault.path("at").asText(), fault.path("type").asText(), details.toString());
  }

  /** A new fault of {@code type} filled in for the run's nodes. */
  public FaultRow template(String type, String at, List<String> nodes) {
    return new FaultRow(
        at, type, FaultKind.named(type).map(kind -> kind.exampleFields(nodes)).orElse(""));
  }

  public void add(FaultRow fault) {
    faults.add(fault);
    edits++;
  }

  public void replace(int index, FaultRow fault) {
    faults.set(index, fault);
    edits++;
  }

  public void remove(int index) {
    faults.remove(index);
    edits++;
  }

  /** The scenario with the edited fault schedule. */
  public ObjectNode editedScenario() {
    ObjectNode edited = base.deepCopy();
    ArrayNode array = edited.putArray("faults");
    for (int i = 0; i < faults.size(); i++) {
      FaultRow fault = faults.get(i);
      ObjectNode object = array.addObject();
      object.put("at", fault.at());
      object.put("type", fault.type());
      if (!fault.details().isBlank()) {
        try {
          JsonNode details = JSON.readTree("{" + fault.details() + "}");
          object.setAll((ObjectNode) details);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(
              "faults["
                  + i
                  + "]: the details are not JSON fields ("
                  + e.getOriginalMessage()
                  + ")");
        }
      }
    }
    if (faults.isEmpty()) {
      edited.remove("faults");
    }
    return edited;
  }

  /** Re-runs the edited scenario with the same seed; returns its trace lines. */
  public List<String> rerun(Runner runner) {
    return runner.run(editedScenario(), seed);
  }

  /**
   * The first event (index, seq - 1) where two runs' traces differ, or -1 when they are the same.
   * Headers are skipped: they differ whenever the schedule was edited.
   */
  public static int firstDifference(List<String> previous, List<String> next) {
    int common = Math.min(previous.size(), next.size()) - 1;
    for (int line = 1; line < common; line++) {
      if (!previous.get(line).equals(next.get(line))) {
        return line - 1;
      }
    }
    return previous.size() == next.size() ? -1 : Math.max(0, common - 1);
  }

  public void save(Path path) throws IOException {
    Files.writeString(path, JSON.writeValueAsString(editedScenario()) + "\n");
  }

  /** A copyable identifier of this run: scenario, seed and edits. */
  public String runId() {
    String name = base.path("name").asText("scenario");
    return name
        + " --seed "
        + seed
        + (edits == 0 ? "" : " (" + edits + " fault edits; save to keep)");
  }

  public ObservableList<FaultRow> faults() {
    return faults;
  }

  public long seed() {
    return seed;
  }

  public int edits() {
    return edits;
  }
}
