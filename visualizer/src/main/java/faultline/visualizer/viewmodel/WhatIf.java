package faultline.visualizer.viewmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.scenarios.model.FaultKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fault schedule of the shown run, editable: add, move (change {@code at}) or remove a fault of
 * any kind, re-run the edited scenario with the same seed, and save it. The run itself is done by
 * an injected {@link Runner}, so this class never touches the engine.
 *
 * <p>A trace's header carries the scenario without its narration (presentation, which the run's
 * fingerprint must not cover), so the narration as written in the scenario file is loaded beside it
 * and saved with the edited schedule: the steps whose moments the edited run still has, so that the
 * saved file opens at its own seed (where a step that finds nothing is an error).
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

  /** Runs a scenario (as JSON) at its own seed and finds its narration's steps in the run. */
  @FunctionalInterface
  public interface NarrationCheck {
    /**
     * The numbers of the narration's steps that find their moment, 1 for the first step.
     *
     * @throws IllegalArgumentException with a one-line reason when the scenario is invalid
     */
    Set<Integer> stepsFound(ObjectNode scenario);
  }

  /**
   * What a save wrote about the narration.
   *
   * @param kept the numbers (as written) of the narration's steps saved
   * @param leftOut the numbers of the steps left out because the edited run lacks their moments
   */
  public record SavedNarration(List<Integer> kept, List<Integer> leftOut) {
    public static final SavedNarration NONE = new SavedNarration(List.of(), List.of());

    public SavedNarration {
      kept = List.copyOf(kept);
      leftOut = List.copyOf(leftOut);
    }
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
  private JsonNode narration = MissingNode.getInstance();
  private long seed;
  private int edits;

  /** Takes the scenario and seed from a run's header line: a trace file, with no narration. */
  public void load(String headerLine) {
    load(headerLine, MissingNode.getInstance());
  }

  /**
   * Takes the scenario and seed from a run's header line, and the narration as the scenario file
   * wrote it (its {@code narration} array; a missing node when there is none).
   */
  public void load(String headerLine, JsonNode writtenNarration) {
    narration = writtenNarration.deepCopy();
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

  /**
   * Writes the edited scenario with the narration's steps that still find their moments in its run
   * at its own seed, which {@code check} runs.
   *
   * @throws IllegalArgumentException with a one-line reason when the edited scenario is invalid
   */
  public SavedNarration save(Path path, NarrationCheck check) throws IOException {
    ObjectNode scenario = editedScenario();
    SavedNarration saved = SavedNarration.NONE;
    if (narration.isArray() && !narration.isEmpty()) {
      ObjectNode narrated = scenario.deepCopy();
      narrated.set("narration", narration.deepCopy());
      Set<Integer> found = check.stepsFound(narrated);
      List<Integer> kept = new ArrayList<>();
      List<Integer> leftOut = new ArrayList<>();
      ArrayNode steps = JSON.createArrayNode();
      for (int number = 1; number <= narration.size(); number++) {
        if (found.contains(number)) {
          kept.add(number);
          steps.add(narration.get(number - 1).deepCopy());
        } else {
          leftOut.add(number);
        }
      }
      if (!steps.isEmpty()) {
        scenario.set("narration", steps);
      }
      saved = new SavedNarration(kept, leftOut);
    }
    Files.writeString(path, JSON.writeValueAsString(scenario) + "\n");
    return saved;
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
