package faultline.benchmarks.raft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.RunOutcome;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast Raft replication recovers, in virtual time, so the same on any machine: a follower cut
 * off for 3 s under writes ({@code raft-catch-up.json}: how long after the heal it has applied what
 * was committed at the heal, and how many AppendEntries it rejected), and 2% message loss ({@code
 * raft-loss-2pct.json}: commit latency p99 and operations completed in 10 s). Five seeds each, with
 * fast back-up off and on; prints a Markdown table of medians with their min-max.
 *
 * <pre>benchmarks/run catch-up</pre>
 */
public final class CatchUpFigures {
  private static final String CATCH_UP = "/faultline/benchmarks/raft/raft-catch-up.json";
  private static final String LOSS = "/faultline/benchmarks/raft/raft-loss-2pct.json";
  private static final long HEAL_NANOS = 4_000_000_000L;
  private static final String FOLLOWER = "n5";
  private static final int SEEDS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private CatchUpFigures() {}

  public static void main(String[] args) {
    System.out.println(
        "| fast back-up | catch-up after 3 s cut off | rejections"
            + " | commit p99 at 2% loss | operations completed at 2% loss |");
    System.out.println("|---|---|---|---|---|");
    for (boolean fastBackup : new boolean[] {false, true}) {
      List<Double> catchUpMillis = new ArrayList<>();
      List<Double> rejections = new ArrayList<>();
      List<Double> p99Millis = new ArrayList<>();
      List<Double> completed = new ArrayList<>();
      for (long seed = 1; seed <= SEEDS; seed++) {
        ApplyWatcher watcher = new ApplyWatcher();
        RunOutcome cut = run(CATCH_UP, fastBackup, seed, watcher);
        catchUpMillis.add(watcher.catchUpNanos() / 1e6);
        rejections.add((double) cut.metrics().getOrDefault("raft.appendRejections", 0L));
        RunOutcome lossy = run(LOSS, fastBackup, seed, TraceSink.discard());
        p99Millis.add(lossy.metrics().get("raft.commitLatencyP99Nanos") / 1e6);
        completed.add((double) lossy.metrics().get("kv.ok"));
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %s ms | %s | %s ms | %s |%n",
          fastBackup ? "on" : "off",
          median(catchUpMillis),
          median(rejections),
          median(p99Millis),
          median(completed));
    }
    System.out.printf(
        Locale.ROOT,
        "%nMedians (min-max) over seeds 1-%d, virtual time. JDK %s.%n",
        SEEDS,
        System.getProperty("java.version"));
  }

  private static RunOutcome run(String resource, boolean fastBackup, long seed, TraceSink sink) {
    try (InputStream in = CatchUpFigures.class.getResourceAsStream(resource)) {
      ObjectNode source =
          (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      ((ObjectNode) source.get("params")).set("fastBackup", BooleanNode.valueOf(fastBackup));
      Scenario scenario =
          Protocols.scenarioLoader()
              .loadSource(resource.substring(resource.lastIndexOf('/') + 1), resource, source);
      RunOutcome outcome =
          ScenarioRunner.run(scenario, seed, scenario.run().durationNanos(), sink).outcome();
      if (outcome.violated()) {
        throw new IllegalStateException(resource + " seed " + seed + ": " + outcome.violations());
      }
      return outcome;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return String.format(
        Locale.ROOT,
        "%.0f (%.0f-%.0f)",
        sorted.get(sorted.size() / 2),
        sorted.getFirst(),
        sorted.getLast());
  }

  /**
   * Reads {@code apply} trace lines: the highest index applied anywhere by the heal, and the first
   * time after it that the follower applies that index.
   */
  private static final class ApplyWatcher implements TraceSink {
    private long committedAtHeal;
    private long caughtUpAtNanos = -1;

    @Override
    public void accept(byte[] line) {
      String text = new String(line, StandardCharsets.UTF_8);
      if (caughtUpAtNanos >= 0 || !text.contains("\"type\":\"apply\"")) {
        return;
      }
      try {
        JsonNode event = JSON.readTree(text);
        long index = event.get("index").asLong();
        long atNanos = event.get("t").asLong();
        if (atNanos <= HEAL_NANOS) {
          committedAtHeal = Math.max(committedAtHeal, index);
        } else if (FOLLOWER.equals(event.get("node").asText()) && index >= committedAtHeal) {
          caughtUpAtNanos = atNanos;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    long catchUpNanos() {
      if (caughtUpAtNanos < 0) {
        throw new IllegalStateException(FOLLOWER + " never caught up");
      }
      return caughtUpAtNanos - HEAL_NANOS;
    }
  }
}
