package faultline.benchmarks.raft;

import faultline.engine.RunOutcome;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import faultline.scenarios.trace.FileTraceSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The protocol-level workload of the benchmarks: a benchmark-only scenario (not in the catalog), a
 * 5-server Raft key-value store with a 50 ms heartbeat and clients at about 1,000 operations per
 * second for 60 s of virtual time, run exactly as {@code ./faultline run} runs it.
 */
public final class RaftWorkload {
  static final String RESOURCE = "/faultline/benchmarks/raft/raft-kv-1000ops.json";

  private RaftWorkload() {}

  /** The scenario, loaded from the benchmark's resources. */
  public static Scenario scenario() {
    try (InputStream in = RaftWorkload.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Protocols.scenarioLoader()
          .load("raft-kv-1000ops.json", RESOURCE, "raft-kv-1000ops", text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code durationNanos} of virtual time computing the fingerprint only: no JSON at all. */
  public static RunOutcome runDiscarding(Scenario scenario, long durationNanos) {
    return run(scenario, durationNanos, TraceSink.discard());
  }

  /** Runs {@code durationNanos} of virtual time, writing the JSON Lines trace to {@code file}. */
  public static RunOutcome runWriting(Scenario scenario, long durationNanos, Path file) {
    try {
      return run(scenario, durationNanos, new FileTraceSink(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RunOutcome run(Scenario scenario, long durationNanos, TraceSink sink) {
    RunReport report = ScenarioRunner.run(scenario, scenario.seed(), durationNanos, sink);
    return report.outcome();
  }
}
