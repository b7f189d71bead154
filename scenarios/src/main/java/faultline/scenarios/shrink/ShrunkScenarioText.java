package faultline.scenarios.shrink;

import static faultline.scenarios.shrink.Search.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a shrunk scenario as a scenario file a person reads: comments that say where it came from,
 * what it still violates, how much smaller it is and how to run it; one fault per line, each marked
 * as drawn from the seed or scripted; the rest of the original document as it was.
 */
final class ShrunkScenarioText {
  private static final int NAME_LENGTH_MAX = 100;

  private ShrunkScenarioText() {}

  static String write(
      ShrinkResult result,
      Candidate shrunk,
      List<String> violated,
      String shrinkCommand,
      String reproduceCommand) {
    ObjectNode document = document(result, shrunk, violated);
    StringBuilder text = new StringBuilder();
    for (String paragraph : header(result, shrunk, shrinkCommand, reproduceCommand)) {
      for (String line : wrap(paragraph, JsonText.WIDTH - 3)) {
        text.append("// ").append(line).append('\n');
      }
    }
    text.append("{\n");
    List<String> members = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = document.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = "  " + JsonText.quote(field.getKey()) + ": ";
      members.add(
          field.getKey().equals("faults")
              ? name + faults(shrunk)
              : name + JsonText.format(field.getValue(), 2, name.length() - 2));
    }
    text.append(String.join(",\n", members)).append("\n}\n");
    return text.toString();
  }

  private static List<String> header(
      ShrinkResult result, Candidate shrunk, String shrinkCommand, String reproduceCommand) {
    ShrinkSize before = result.before();
    ShrinkSize after = result.after();
    List<String> lines = new ArrayList<>();
    lines.add("Shrunk by: " + shrinkCommand);
    lines.add(
        String.format(
            Locale.ROOT,
            "It still violates %s, at %s (it was at %s), with %s, %,d events instead of %,d, and a"
                + " run of %s instead of %s (%d runs, %s).",
            result.invariant(),
            ShrinkSize.readable(after.violationNanos()),
            ShrinkSize.readable(before.violationNanos()),
            before.faults() == 0
                ? "no faults, as before"
                : after.faults() + " of the original's " + before.faults() + " faults",
            after.events(),
            before.events(),
            text(after.runNanos()),
            text(before.runNanos()),
            result.runs(),
            result.stoppedBy() == null ? "a fixed point" : result.stoppedBy()));
    lines.add("Run it: " + reproduceCommand);
    if (shrunk.episodes().stream().anyMatch(Episode::drawn)) {
      lines.add(
          "A fault marked \"drawn\" was drawn by seed "
              + result.seed()
              + " from the original's random faults; the others were scripted.");
    }
    return lines;
  }

  /** The document: name and description first, then the shrunk scenario's fields in order. */
  private static ObjectNode document(ShrinkResult result, Candidate shrunk, List<String> violated) {
    ObjectNode source = shrunk.source();
    ObjectNode document = source.objectNode();
    document.put("name", name(result));
    document.put(
        "description",
        String.format(
            Locale.ROOT,
            "Shrunk from %s at seed %d: %d of its %d faults, and %s is still violated. The"
                + " original: %s",
            result.original().name(),
            result.seed(),
            result.after().faults(),
            result.before().faults(),
            result.invariant(),
            result.original().description()));
    source
        .fields()
        .forEachRemaining(
            field -> {
              if (!field.getKey().equals("name") && !field.getKey().equals("description")) {
                document.set(field.getKey(), field.getValue());
              }
            });
    ObjectNode expect = document.putObject("expect");
    violated.forEach(expect.putArray("violations")::add);
    return document;
  }

  /** Words in lines of at most {@code width} columns (a longer word has a line of its own). */
  static List<String> wrap(String paragraph, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split(" ")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String name(ShrinkResult result) {
    String suffix = "-seed-" + result.seed() + "-shrunk";
    String base = result.original().name();
    return base.substring(0, Math.min(base.length(), NAME_LENGTH_MAX - suffix.length())) + suffix;
  }

  /** One fault per line, each with a comment: drawn or scripted, and when a pair's undo comes. */
  private static String faults(Candidate shrunk) {
    List<TimedFault> faults = shrunk.faults();
    if (faults.isEmpty()) {
      return "[]";
    }
    TreeMap<Integer, String> notes = new TreeMap<>();
    for (Episode episode : shrunk.episodes()) {
      String origin = episode.drawn() ? "drawn" : "scripted";
      List<TimedFault> parts = episode.faults();
      notes.put(
          parts.getFirst().rank(),
          parts.size() == 2 ? origin + "; undone at " + text(parts.get(1).atNanos()) : origin);
      if (parts.size() == 2) {
        notes.put(parts.get(1).rank(), origin);
      }
    }
    StringBuilder list = new StringBuilder("[\n");
    for (int i = 0; i < faults.size(); i++) {
      TimedFault fault = faults.get(i);
      list.append("    ")
          .append(JsonText.compact(fault.toJson()))
          .append(i + 1 < faults.size() ? "," : "")
          .append(" // ")
          .append(notes.get(fault.rank()))
          .append('\n');
    }
    return list.append("  ]").toString();
  }
}
