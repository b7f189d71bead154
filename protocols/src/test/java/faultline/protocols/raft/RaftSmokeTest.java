package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.random.Ratio;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaftSmokeTest {
  @Test
  void electsALeaderAndServesClients() {
    RunOutcome outcome =
        RaftRuns.run(
            1,
            RaftRuns.fiveServersTwoClients(2 * RaftRuns.SECOND),
            RaftRuns.network(Ratio.ZERO, Ratio.ZERO),
            List.of(),
            RaftInvariants.safety(),
            3 * RaftRuns.SECOND);
    System.out.println(outcome.metrics());
    System.out.println(outcome.violations());
    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("raft.leaderChanges")).isEqualTo(1L);
    assertThat(outcome.metrics().get("kv.ok")).isGreaterThan(50L);
  }
}
