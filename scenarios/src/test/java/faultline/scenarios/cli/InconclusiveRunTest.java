package faultline.scenarios.cli;

import static faultline.scenarios.cli.CommandLineTest.faultline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.cli.CommandLineTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verdict has three states. A run stopped by a limit before its end, or whose end-of-run check
 * could not decide within its budget, is neither a pass nor a violation: {@code run} says
 * INCONCLUSIVE, exits 5, and does not meet expectations with it (unless the scenario allows that
 * check to be undecided); {@code --json} and {@code sweep} say so too; expectations that were not
 * judged are reported as not judged, never as met.
 */
class InconclusiveRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  /** raft/stale-read's shape, with a linearizability budget of {@code statesMax} states. */
  private Path raftScenario(long statesMax, String expect) throws IOException {
    Path file = temp.resolve("budget-" + statesMax + ".json");
    Files.writeString(
        file,
        """
        {
          "description": "Raft clients under a tiny linearizability budget.",
          "protocol": "raft",
          "nodes": ["n1", "n2", "n3", "c1"],
          "params": {
            "checkStatesMax": %d,
            "clients": {"nodes": ["c1"], "processes": 3, "keys": 1,
                        "intervalMin": "5ms", "intervalMax": "10ms"}
          },
          "run": {"duration": "2s"},
          "seed": 3,
          "expect": %s
        }
        """
            .formatted(statesMax, expect));
    return file;
  }

  @Test
  void anUndecidedCheckMakesTheRunInconclusiveAndItsExpectationsUnmet() throws IOException {
    Path scenario = raftScenario(1, "{\"violations\": []}");
    Result summary = faultline("run", scenario.toString());
    assertThat(summary.exitCode()).as(summary.out() + summary.err()).isEqualTo(5);
    assertThat(summary.out())
        .contains("invariants: none violated, but the run is INCONCLUSIVE")
        .contains("inconclusive:\n  kv.linearizable undecided: Unknown: gave up after")
        .contains("expectations: NOT met")
        .contains("kv.linearizable was not decided")
        .doesNotContain("invariants: all held");

    JsonNode json = JSON.readTree(faultline("run", scenario.toString(), "--json").out());
    assertThat(json.get("verdict").asText()).isEqualTo("inconclusive");
    assertThat(json.get("undecided").get(0).get("invariant").asText()).isEqualTo("kv.linearizable");
    assertThat(json.get("expectations").get("status").asText()).isEqualTo("not met");
    assertThat(json.get("expectations").get("met").asBoolean()).isFalse();
  }

  @Test
  void aScenarioMayAllowACheckToBeUndecided() throws IOException {
    Path scenario =
        raftScenario(1, "{\"violations\": [], \"mayBeUndecided\": [\"kv.linearizable\"]}");
    Result summary = faultline("run", scenario.toString());
    assertThat(summary.exitCode()).as(summary.out() + summary.err()).isEqualTo(5);
    assertThat(summary.out()).contains("expectations: met").contains("INCONCLUSIVE");
  }

  @Test
  void withEnoughBudgetTheSameRunPasses() throws IOException {
    Result summary = faultline("run", raftScenario(2_000_000, "{\"violations\": []}").toString());
    assertThat(summary.exitCode()).as(summary.out() + summary.err()).isZero();
    assertThat(summary.out()).contains("invariants: all held").contains("expectations: met");
  }

  @Test
  void aRunStoppedByTheEventLimitIsInconclusiveAndStopsNearTheLimit() throws IOException {
    Path file = temp.resolve("event-limit.json");
    Files.writeString(
        file,
        Files.readString(raftScenario(2_000_000, "{\"violations\": []}"))
            .replace(
                "\"run\": {\"duration\": \"2s\"}",
                "\"run\": {\"duration\": \"2s\", \"maxEvents\": 1000}"));
    Result result = faultline("run", file.toString(), "--json");
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(5);
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("stopReason").asText()).isEqualTo("event-limit");
    assertThat(json.get("verdict").asText()).isEqualTo("inconclusive");
    // The limit counts the events the run reports; one step's events (and the end lines) past it.
    assertThat(json.get("events").asLong()).isBetween(1000L, 1050L);
    assertThat(json.get("expectations").get("unmet").get(0).asText())
        .contains("reached the event limit before its end");

    Result text = faultline("run", file.toString());
    assertThat(text.out())
        .contains("inconclusive:\n  the run reached the event limit at")
        .contains("before its end at 2s")
        .contains("expectations: NOT met");
  }

  @Test
  void expectationsNotJudgedAreNotReportedAsMet() throws IOException {
    Result result = faultline("run", "locks/gc-pause-fenced", "--seed", "8", "--json");
    JsonNode expectations = JSON.readTree(result.out()).get("expectations");
    assertThat(expectations.get("status").asText()).isEqualTo("not judged");
    assertThat(expectations.get("judged").asBoolean()).isFalse();
    assertThat(expectations.has("met")).as(expectations.toString()).isFalse();
    assertThat(faultline("run", "locks/gc-pause-fenced", "--seed", "8").out())
        .contains("expectations: not judged (they are judged at the scenario's own seed, 7,");
  }

  @Test
  void aSweepCountsInconclusiveSeedsAndExitsFive() throws IOException {
    Path scenario = raftScenario(1, "{\"violations\": []}");
    Path out = temp.resolve("results.jsonl");
    Result result =
        faultline(
            "sweep",
            scenario.toString(),
            "--seeds",
            "1..2",
            "--jobs",
            "1",
            "--out",
            out.toString());
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(5);
    assertThat(result.out())
        .contains("0 passed, 0 failed, 2 inconclusive")
        .contains("inconclusive seeds");
    JsonNode line = JSON.readTree(Files.readAllLines(out).getFirst());
    assertThat(line.get("verdict").asText()).isEqualTo("inconclusive");
    assertThat(line.get("inconclusive").get(0).asText()).startsWith("kv.linearizable undecided");
  }
}
