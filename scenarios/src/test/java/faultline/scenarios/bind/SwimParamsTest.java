package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.protocols.swim.ProbeOrder;
import faultline.protocols.swim.SwimConfig;
import faultline.scenarios.parse.JsonParamReader;
import faultline.scenarios.parse.ScenarioException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The swim binding's parameters: defaults, every option, and bad or unwise input. */
class SwimParamsTest {

  private static List<NodeId> nodes(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> NodeId.of("n" + i)).toList();
  }

  private static SwimParams.Read read(String json, int n) {
    return SwimParams.read(
        JsonParamReader.fromText("s.json", "params", json, nodes(n)), nodes(n), 60_000 * MILLI);
  }

  @Test
  void defaultsComeFromTheBuilder() {
    SwimConfig config = read("{}", 10).config();
    SwimConfig defaults = SwimConfig.defaults(nodes(10));
    assertThat(config).isEqualTo(defaults);
    assertThat(config.periodNanos()).isEqualTo(1_000 * MILLI);
    assertThat(config.probeTimeoutNanos()).isEqualTo(500 * MILLI);
    assertThat(config.indirectChecks()).isEqualTo(3);
    assertThat(config.suspicionTimeoutNanos(10)).isEqualTo(4_000 * MILLI);
    assertThat(config.suspicionTimeoutNanos(100)).isEqualTo(8_000 * MILLI);
    assertThat(config.retransmitLimit(10)).isEqualTo(8);
    assertThat(config.retransmitLimit(1000)).isEqualTo(16);
  }

  @Test
  void everyOptionIsAParameter() {
    SwimParams.Read read =
        read(
            """
            {"seeds": ["n2"], "joins": [{"node": "n9", "at": "5s"}],
             "leaves": [{"node": "n3", "at": "20s"}],
             "period": "2s", "pingTimeout": "300ms", "k": 2, "suspicion": false,
             "suspicionMult": 5, "suspicionMaxTimeoutMult": 3, "retransmitMult": 2,
             "maxUpdatesPerMessage": 4, "maxQueuedUpdates": 100, "maxPendingRelays": 8,
             "probeOrder": "uniform", "staggerStart": false, "reconnectInterval": "0s",
             "joinRetry": "2s", "completenessWithin": "40s",
             "lifeguard": {"localHealth": true, "awarenessMax": 4, "dynamicSuspicion": true,
                           "buddySystem": true},
             "bugs": ["never_refute", "gossip_only_own_news"]}
            """,
            10);
    SwimConfig config = read.config();
    assertThat(config.seeds()).containsExactly(NodeId.of("n2"));
    assertThat(config.initialMembers()).doesNotContain(NodeId.of("n9")).hasSize(9);
    assertThat(config.leaveAtNanos()).containsEntry(NodeId.of("n3"), 20_000 * MILLI);
    assertThat(config.periodNanos()).isEqualTo(2_000 * MILLI);
    assertThat(config.indirectChecks()).isEqualTo(2);
    assertThat(config.suspicion()).isFalse();
    assertThat(config.probeOrder()).isEqualTo(ProbeOrder.UNIFORM);
    assertThat(config.lifeguard().localHealth()).isTrue();
    assertThat(config.lifeguard().awarenessMax()).isEqualTo(4);
    assertThat(read.bounds().completenessNanos()).isEqualTo(40_000 * MILLI);
    assertThat(config.rules()).isNotEqualTo(SwimConfig.defaults(nodes(10)).rules());
  }

  @Test
  void kMustLeaveRoomForTheProberAndTheTarget() {
    assertThatThrownBy(() -> read("{\"k\": 4}", 5))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("s.json:1:")
        .hasMessageContaining("params.k")
        .hasMessageContaining("at least 6 members");
  }

  @Test
  void thePingTimeoutMustBeShorterThanThePeriod() {
    assertThatThrownBy(() -> read("{\"period\": \"1s\", \"pingTimeout\": \"1s\"}", 5))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("params.pingTimeout")
        .hasMessageContaining("shorter than the period");
  }

  @Test
  void aSuspicionMultiplierBelowOneIsAnError() {
    assertThatThrownBy(() -> read("{\"suspicionMult\": 0}", 5))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("params.suspicionMult");
  }

  @Test
  void unknownProbeOrdersBugsAndFieldsAreErrors() {
    assertThatThrownBy(() -> read("{\"probeOrder\": \"random\"}", 5))
        .hasMessageContaining("params.probeOrder")
        .hasMessageContaining("round-robin");
    assertThatThrownBy(() -> read("{\"bugs\": [\"no_such_bug\"]}", 5))
        .hasMessageContaining("params.bugs");
    assertThatThrownBy(() -> read("{\"perod\": \"1s\"}", 5)).hasMessageContaining("period");
    assertThatThrownBy(
            () -> read("{\"bugs\": [\"never_refute\", \"alive_overrides_equal_suspect\"]}", 5))
        .hasMessageContaining("one merge-rule bug");
  }

  @Test
  void aLongPingTimeoutOrNoIndirectProbesIsLegalButWarned() {
    assertThat(read("{\"pingTimeout\": \"700ms\"}", 5).warnings())
        .singleElement()
        .asString()
        .contains("params.pingTimeout", "half the period");
    assertThat(read("{\"k\": 0}", 5).warnings())
        .singleElement()
        .asString()
        .contains("params.k", "no ping-req");
  }

  @Test
  void joinsAndLeavesMustMakeSense() {
    assertThatThrownBy(() -> read("{\"leaves\": [{\"node\": \"n2\"}]}", 5))
        .hasMessageContaining("params.leaves[0].at")
        .hasMessageContaining("required");
    assertThatThrownBy(
            () ->
                read(
                    "{\"joins\": [{\"node\": \"n2\", \"at\": \"9s\"}],"
                        + " \"leaves\": [{\"node\": \"n2\", \"at\": \"5s\"}]}",
                    5))
        .hasMessageContaining("leaves before it joins");
    assertThatThrownBy(() -> read("{\"joins\": [{\"node\": \"n2\", \"at\": \"90s\"}]}", 5))
        .hasMessageContaining("after the end of the run");
  }
}
