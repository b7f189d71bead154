package faultline.scenarios.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.cli.ScenarioArgument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trials of Raft's Figure 16 keep the paper's bounds: no replacement faster than half the least
 * election timeout (the crash falls within a heartbeat interval, half that timeout, of the
 * followers' last word from the leader), two lagging followers whose logs are shorter, and the same
 * result for the same seed.
 */
class LeaderCrashTrialTest {
  private static final long[] LATENCY = RaftFigure16.DEFAULT_LATENCY_NANOS;

  @Test
  void noLeaderIsReplacedFasterThanHalfTheLeastTimeout() {
    for (ElectionTimeouts line :
        List.of(ElectionTimeouts.figure16().get(5), ElectionTimeouts.figure16().get(6))) {
      LeaderCrashTrial trial = new LeaderCrashTrial(line, LATENCY, ScenarioArgument.loader());
      List<Long> downtimes = new ArrayList<>();
      for (long seed = 1; seed <= 12; seed++) {
        LeaderCrashTrial.Result result = trial.run(seed);
        assertThat(result.outcome()).isEqualTo(LeaderCrashTrial.Outcome.ELECTED);
        assertThat(result.lagging()).hasSize(2).doesNotContain(result.leader());
        assertThat(result.crashAtNanos() - trial.lastWriteAtNanos())
            .isBetween(0L, line.heartbeatNanos());
        downtimes.add(result.downtimeNanos());
      }
      assertThat(downtimes).allSatisfy(d -> assertThat(d).isGreaterThan(line.minNanos() / 2));
      assertThat(downtimes).as("the crash falls at different points").doesNotHaveDuplicates();
    }
  }

  @Test
  void theLaggingFollowersHaveShorterLogsWhenTheFirstElectionStarts() {
    LeaderCrashTrial trial =
        new LeaderCrashTrial(
            ElectionTimeouts.figure16().get(2), LATENCY, ScenarioArgument.loader());
    int differed = 0;
    for (long seed = 1; seed <= 10; seed++) {
      differed += trial.run(seed).logsDiffered() ? 1 : 0;
    }
    assertThat(differed).isEqualTo(10);
  }

  @Test
  void aSeedGivesTheSameTrialEveryTime() {
    LeaderCrashTrial trial =
        new LeaderCrashTrial(
            ElectionTimeouts.figure16().get(3), LATENCY, ScenarioArgument.loader());
    assertThat(trial.run(7)).isEqualTo(trial.run(7));
  }
}
