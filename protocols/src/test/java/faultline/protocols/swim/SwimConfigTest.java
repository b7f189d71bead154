package faultline.protocols.swim;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The timeout and retransmission formulas against hashicorp/memberlist's own test vectors ({@code
 * util_test.go}: {@code TestSuspicionTimeout}, {@code TestRetransmitLimit}).
 */
class SwimConfigTest {
  private static SwimConfig group(int suspicionMult, int retransmitMult) {
    List<NodeId> members = IntStream.rangeClosed(1, 3).mapToObj(i -> NodeId.of("n" + i)).toList();
    return SwimConfig.builder(members)
        .suspicionMult(suspicionMult)
        .retransmitMult(retransmitMult)
        .build();
  }

  @Test
  void suspicionTimeoutMatchesMemberlist() {
    SwimConfig config = group(3, 4);
    Map<Integer, Long> expectedMillis =
        Map.of(5, 1000L, 10, 1000L, 50, 1698L, 100, 2000L, 500, 2698L, 1000, 3000L);
    expectedMillis.forEach(
        (n, millis) ->
            assertThat(config.suspicionTimeoutNanos(n) / 3)
                .as("n = %s", n)
                .isEqualTo(millis * 1_000_000));
  }

  @Test
  void retransmitLimitMatchesMemberlist() {
    SwimConfig config = group(4, 3);
    assertThat(config.retransmitLimit(0)).isZero();
    assertThat(config.retransmitLimit(1)).isEqualTo(3);
    assertThat(config.retransmitLimit(99)).isEqualTo(6);
  }

  @Test
  void theDefaultsAreThePapersAndMemberlists() {
    SwimConfig config = SwimConfig.defaults(List.of(NodeId.of("a"), NodeId.of("b")));
    assertThat(config.periodNanos()).isEqualTo(1_000_000_000L);
    assertThat(config.probeTimeoutNanos()).isEqualTo(500_000_000L);
    assertThat(config.indirectChecks()).isEqualTo(3);
    assertThat(config.suspicionMult()).isEqualTo(4);
    assertThat(config.suspicionMaxTimeoutMult()).isEqualTo(6);
    assertThat(config.retransmitMult()).isEqualTo(4);
    assertThat(config.lifeguard()).isEqualTo(Lifeguard.OFF);
    assertThat(config.rules()).isSameAs(MergeRules.PAPER);
  }
}
