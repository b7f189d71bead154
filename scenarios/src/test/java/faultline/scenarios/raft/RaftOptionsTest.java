package faultline.scenarios.raft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Options change behaviour the way their authors promise, measured on bundled schedules with one
 * parameter changed: a lagging server is probed where its log ends, and each read mode serves reads
 * without breaking an invariant.
 */
class RaftOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScenarioLoader LOADER = Protocols.scenarioLoader();

  private static RunOutcome runWith(String name, String param, String jsonValue) {
    return runWith(name, param, jsonValue, null);
  }

  /** Runs a bundled scenario with one parameter changed and, unless null, other faults. */
  private static RunOutcome runWith(String name, String param, String jsonValue, String faults) {
    Scenario scenario = new Catalog(LOADER).load(name);
    ObjectNode source = scenario.source().deepCopy();
    try {
      ((ObjectNode) source.get("params")).set(param, JSON.readTree(jsonValue));
      if (faults != null) {
        source.set("faults", JSON.readTree(faults));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ScenarioRunner.run(LOADER.loadSource(name + ".json", "test", source)).outcome();
  }

  private static long metric(RunOutcome outcome, String name) {
    return outcome.metrics().getOrDefault(name, 0L);
  }

  @Test
  void aLaggingServerIsProbedWhereItsLogEndsWithOrWithoutFastBackup() throws IOException {
    // n2 is down from 1 s to 3 s; the leader elected at 2 s starts with nextIndex past the end of
    // n2's log. n2's first rejection says where its log ends, and the next probe goes there: a
    // few rejections, not one per missing entry (fast back-up adds only the skip over a
    // conflicting term, which RaftNodeTest shows).
    String faults =
        """
        [{"at": "1s", "type": "crash", "node": "n2"},
         {"at": "2s", "type": "crash", "node": "n1"},
         {"at": "3s", "type": "restart", "node": "n2"}]
        """;
    RunOutcome slow = runWith("raft/leader-election", "fastBackup", "false", faults);
    RunOutcome fast = runWith("raft/leader-election", "fastBackup", "true", faults);

    assertThat(slow.violations()).isEmpty();
    assertThat(fast.violations()).isEmpty();
    assertThat(metric(slow, "raft.appendRejections")).isBetween(1L, 4L);
    assertThat(metric(fast, "raft.appendRejections")).isBetween(1L, 4L);
  }

  @Test
  void leaseReadsGoStaleOnlyWhenTheLeadersClockBreaksTheDriftBound() throws IOException {
    assertThat(violations(runWith("raft/lease-clock-drift", "reads", "\"lease\"")))
        .containsExactly("kv.linearizable");
    assertThat(runWith("raft/lease-clock-drift", "reads", "\"read-index\"").violations()).isEmpty();
    Scenario scenario = new Catalog(LOADER).load("raft/lease-clock-drift");
    ObjectNode source = scenario.source().deepCopy();
    source.remove("clocks");
    RunOutcome honestClock =
        ScenarioRunner.run(LOADER.loadSource("lease-clock-drift.json", "test", source)).outcome();
    assertThat(honestClock.violations()).isEmpty();
    assertThat(metric(honestClock, "kv.leaseReads")).isPositive();
  }

  private static List<String> violations(RunOutcome outcome) {
    return outcome.violations().stream().map(Violation::invariant).distinct().toList();
  }

  @Test
  void everyReadModeServesReadsSafely() {
    for (String mode : new String[] {"\"log\"", "\"read-index\"", "\"lease\""}) {
      RunOutcome outcome = runWith("raft/gc-pause-leader", "reads", mode);
      assertThat(outcome.violations()).as(mode).isEmpty();
      assertThat(metric(outcome, "kv.ok")).as(mode).isGreaterThan(100);
    }
    assertThat(runWith("raft/gc-pause-leader", "reads", "\"lease\"").metrics())
        .containsKey("kv.leaseReads");
  }
}
