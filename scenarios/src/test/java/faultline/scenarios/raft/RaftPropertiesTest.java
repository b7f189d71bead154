package faultline.scenarios.raft;

import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.check.EventuallyResult;
import faultline.engine.check.SometimesResult;
import faultline.protocols.raft.check.RaftProperties;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.parse.ScenarioLoader;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ScenarioRunner;
import org.junit.jupiter.api.Test;

/**
 * Raft's sometimes and eventually properties on runs whose course is known: Figure 8 deposes a
 * leader with an uncommitted entry and has a follower truncate it; a cluster that loses a majority
 * for good has no leader at the end; one healed long enough before the judging moment has one.
 */
class RaftPropertiesTest {
  private final ScenarioLoader loader = Protocols.scenarioLoader();

  private RunOutcome run(String faults, String run) {
    String text =
        """
        {"description": "x", "protocol": "raft", "nodes": 3,
         "faults": [%s], "run": %s, "seed": 3}
        """
            .formatted(faults, run);
    return ScenarioRunner.run(loader.load("t.json", "t.json", "t", text)).outcome();
  }

  private static EventuallyResult leaderExists(RunOutcome outcome) {
    return outcome.eventually().stream()
        .filter(result -> result.property().equals(RaftProperties.LEADER_EXISTS))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void figure8ReachesBothRarePaths() {
    RunReport report = ScenarioRunner.run(new Catalog(loader).load("raft/figure-8"));

    assertThat(report.outcome().sometimes())
        .filteredOn(SometimesResult::reached)
        .extracting(SometimesResult::property)
        .containsExactlyInAnyOrder(
            RaftProperties.LEADER_DEPOSED_WITH_UNCOMMITTED, RaftProperties.LOG_TRUNCATED);
    // Deposed first (the leader of term 2 loses its entry at index 2), repaired later.
    SometimesResult deposed = report.outcome().sometimes().get(0);
    SometimesResult truncated = report.outcome().sometimes().get(1);
    assertThat(deposed.seq()).isLessThan(truncated.seq());
  }

  @Test
  void aClusterThatLosesItsMajorityForGoodFailsLeaderExistsAtTheEnd() {
    RunOutcome outcome =
        run(
            """
            {"at": "1s", "type": "crash", "node": "n1"}, {"at": "1s", "type": "crash", "node": "n2"}
            """,
            "{\"duration\": \"3s\"}");

    EventuallyResult result = leaderExists(outcome);
    assertThat(result.status()).isEqualTo(EventuallyResult.Status.FAILED);
    assertThat(result.timeNanos()).isEqualTo(3 * SECOND);
    assertThat(result.message()).startsWith("no leader: n1 down, n2 down, n3 ");
    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.verdict()).isEqualTo(RunOutcome.Verdict.VIOLATED);
  }

  @Test
  void afterAQuietWindowTheHealedClusterHasALeaderJudgedAtThatMoment() {
    String partition =
        """
        {"at": "1s", "type": "partition", "groups": [["n1"], ["n2"], ["n3"]]},
        {"at": "2s", "type": "heal"}
        """;
    RunOutcome healed = run(partition, "{\"duration\": \"5s\", \"quietAfterFaults\": \"1s\"}");
    assertThat(leaderExists(healed).status()).isEqualTo(EventuallyResult.Status.HELD);
    assertThat(leaderExists(healed).timeNanos()).isEqualTo(3 * SECOND);

    // Judged 1 ns after the heal, no election can have finished yet.
    RunOutcome tooSoon = run(partition, "{\"duration\": \"5s\", \"quietAfterFaults\": \"1ns\"}");
    assertThat(leaderExists(tooSoon).status()).isEqualTo(EventuallyResult.Status.FAILED);
    assertThat(leaderExists(tooSoon).timeNanos()).isEqualTo(2 * SECOND + 1);

    // A run that ends before the window is over does not judge.
    RunOutcome cut = run(partition, "{\"duration\": \"2500ms\", \"quietAfterFaults\": \"1s\"}");
    assertThat(leaderExists(cut).status()).isEqualTo(EventuallyResult.Status.NOT_JUDGED);
    assertThat(cut.verdict()).isEqualTo(RunOutcome.Verdict.PASSED);
  }
}
