package faultline.exercises.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.trace.TraceSink;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.history.Model;
import faultline.scenarios.history.ClientHistorySink;
import faultline.scenarios.history.HistoryParser;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Client histories for checks that grade a history checker: a run's, exactly as {@code ./faultline
 * run <scenario> --history FILE} writes it, and a history written back where {@code ./faultline
 * check} reads it, for the student to look at.
 */
public final class ClientHistories {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClientHistories() {}

  /** Runs {@code scenario} with {@code seed} and reads its clients' history, model {@code kv}. */
  public static List<HistoryEvent> ofRun(Scenario scenario, long seed) {
    try {
      Path file = Files.createTempFile("faultline-history-", ".jsonl");
      try {
        try (ClientHistorySink sink = new ClientHistorySink(file, TraceSink.discard())) {
          ScenarioRunner.run(scenario, seed, scenario.run().durationNanos(), sink);
        }
        return HistoryParser.parse(file, Model.kv()).events();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code events} (one key's, without it) for {@code ./faultline check}, to the check's
   * output file {@code name}; returns its path as the student types it.
   */
  public static String write(CheckProgress progress, String name, List<HistoryEvent> events) {
    Path file = progress.outputPath(name);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      List<String> lines = new ArrayList<>();
      for (HistoryEvent event : events) {
        ObjectNode line = JSON.createObjectNode();
        line.put("process", event.process());
        line.put("type", event.type().name().toLowerCase(Locale.ROOT));
        line.put("f", event.f());
        line.set("value", JSON.valueToTree(event.value()));
        lines.add(JSON.writeValueAsString(line));
      }
      Files.write(file, lines, StandardCharsets.UTF_8);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }
}
