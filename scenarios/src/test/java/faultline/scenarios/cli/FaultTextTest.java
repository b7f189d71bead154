package faultline.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.fault.Fault;
import faultline.engine.net.Latency;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code describe} names faults as a scenario file does, not as Java records print. */
class FaultTextTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");

  @Test
  void everyFaultReadsLikeItsScenarioEntry() {
    assertThat(FaultText.of(new Fault.Partition(List.of(List.of(N1), List.of(N2)))))
        .isEqualTo("partition n1 | n2");
    assertThat(FaultText.of(new Fault.Heal())).isEqualTo("heal every partition");
    assertThat(FaultText.of(new Fault.Block(N1, N2))).isEqualTo("block n1 -> n2");
    assertThat(FaultText.of(new Fault.Unblock(N1, N2))).isEqualTo("unblock n1 -> n2");
    assertThat(FaultText.of(new Fault.Crash(N1, false))).isEqualTo("crash n1");
    assertThat(FaultText.of(new Fault.Crash(N1, true)))
        .isEqualTo("crash n1, losing unsynced writes");
    assertThat(FaultText.of(new Fault.Restart(N1))).isEqualTo("restart n1");
    assertThat(FaultText.of(new Fault.Pause(N1, 15_000_000_000L))).isEqualTo("pause n1 for 15s");
    assertThat(FaultText.of(new Fault.ClockOffset(N1, -500_000_000L)))
        .isEqualTo("clock-offset n1 to -500ms");
    assertThat(FaultText.of(new Fault.ClockDrift(N1, 200_000)))
        .isEqualTo("clock-drift n1 to 200ppm");
    assertThat(FaultText.of(new Fault.ClockJump(N1, 400_000_000L)))
        .isEqualTo("clock-jump n1 by +400ms");
    assertThat(
            FaultText.of(
                new Fault.LinkChange(
                    N1,
                    null,
                    Latency.uniform(1_000_000, 5_000_000),
                    Ratio.of(1, 10),
                    null,
                    null,
                    true)))
        .isEqualTo("link n1 -> *: latency 1ms..5ms uniform, loss 0.1, FIFO");
  }
}
