package faultline.benchmarks.raft;

import static faultline.engine.time.Nanos.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import faultline.engine.RunOutcome;
import faultline.scenarios.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's workload loads, runs cleanly, and writing the trace does not change the run. */
class RaftWorkloadTest {
  @Test
  void writingTheTraceGivesTheSameRunAsHashingIt(@TempDir Path dir) throws Exception {
    Scenario scenario = RaftWorkload.scenario();
    RunOutcome hashed = RaftWorkload.runDiscarding(scenario, SECOND);
    Path file = dir.resolve("trace.jsonl");
    RunOutcome written = RaftWorkload.runWriting(scenario, SECOND, file);

    assertTrue(hashed.violations().isEmpty(), () -> hashed.violations().toString());
    assertTrue(hashed.events() > 10_000, "a second of the workload is busy: " + hashed.events());
    assertEquals(hashed.fingerprint(), written.fingerprint());
    assertEquals(hashed.events(), written.events());
    assertTrue(Files.size(file) > 0);
  }
}
