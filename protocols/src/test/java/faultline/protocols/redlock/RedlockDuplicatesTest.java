package faultline.protocols.redlock;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A network that duplicates every message must not make one store count twice. With stores D and E
 * down, A, B and C are exactly a quorum; each request and each reply arrives twice, so a client
 * that counted replies instead of stores would decide after five replies, possibly from only two
 * stores, and give up an acquisition that three stores granted.
 */
class RedlockDuplicatesTest {
  @Test
  void aDuplicatedReplyIsOneStore() {
    NodeId client = NodeId.of("client1");
    RedlockConfig config =
        RedlockRuns.config(
            List.of(new RedlockConfig.Client(client, 100 * MILLI, 100 * MILLI)),
            StoreClock.MONOTONIC,
            Set.of());
    LinkPolicy duplicating =
        new LinkPolicy(
            Latency.uniform(MILLI, 20 * MILLI), Ratio.ZERO, Ratio.of(1, 1), Ratio.ZERO, false);
    List<ScheduledFault> faults =
        List.of(
            new ScheduledFault(0, new Fault.Crash(NodeId.of("D"), false)),
            new ScheduledFault(0, new Fault.Crash(NodeId.of("E"), false)));
    for (long seed = 1; seed <= 20; seed++) {
      RunOutcome outcome =
          RedlockRuns.run(seed, config, 2 * SECOND, faults, List.of(), duplicating);
      assertThat(outcome.metrics())
          .as("seed %d: %s", seed, outcome.metrics())
          .containsEntry("redlock.acquired", 1L)
          .doesNotContainKey("redlock.failed.no-quorum");
    }
  }
}
