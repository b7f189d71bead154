package faultline.protocols.paxos.multi;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.trace.TraceSink;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole runs of five Multi-Paxos servers and two clients: a leader is elected, commands are chosen
 * and applied, a crashed leader is replaced, and every check passes, linearizability included.
 */
class MultiPaxosSimTest {
  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void aLeaderCrashAndRestartLosesNothing(long seed) {
    MultiPaxosConfig config = MultiPaxosRuns.fiveServersTwoClients(3 * SECOND).build();
    RunOutcome outcome =
        MultiPaxosRuns.run(
            seed,
            config,
            MultiPaxosRuns.network(Ratio.of(1, 50), Ratio.of(1, 50)),
            List.of(
                new ScheduledFault(1 * SECOND, new Fault.Crash(NodeId.of("n1"), true)),
                new ScheduledFault(1 * SECOND, new Fault.Crash(NodeId.of("n2"), true)),
                new ScheduledFault(1500 * MILLI, new Fault.Restart(NodeId.of("n1"))),
                new ScheduledFault(1500 * MILLI, new Fault.Restart(NodeId.of("n2")))),
            4 * SECOND,
            TraceSink.discard());

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("multipaxos.commits")).isGreaterThan(50L);
    assertThat(outcome.metrics().get("kv.ok")).isGreaterThan(50L);
  }
}
