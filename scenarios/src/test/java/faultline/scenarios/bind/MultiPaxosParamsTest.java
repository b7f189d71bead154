package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.protocols.paxos.Quorums;
import faultline.protocols.paxos.multi.MultiPaxosBug;
import faultline.protocols.paxos.multi.MultiPaxosConfig;
import faultline.scenarios.parse.JsonParamReader;
import faultline.scenarios.parse.ScenarioException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The multipaxos binding's parameters: the builder's defaults, every option, and bad or unwise
 * input (quorums that do not intersect or do not fit, a leader that may not lead, timing that makes
 * followers stand under a healthy leader) reported at its file, line, column and field.
 */
class MultiPaxosParamsTest {

  private static List<NodeId> servers(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> NodeId.of("n" + i)).toList();
  }

  private static MultiPaxosParams.Read read(String json, int servers) {
    return MultiPaxosParams.read(
        JsonParamReader.fromText("m.json", "params", json, servers(servers)),
        servers(servers),
        4_000 * MILLI);
  }

  @Test
  void defaultsAreTheBuildersOwn() {
    MultiPaxosConfig config = read("{}", 3).config();
    assertThat(config.servers()).isEqualTo(servers(3));
    assertThat(config.acceptors()).isEqualTo(servers(3));
    assertThat(config.proposers()).isEqualTo(servers(3));
    assertThat(config.firstLeader()).isNull();
    assertThat(config.quorums()).isEqualTo(Quorums.majority(3));
    assertThat(config.heartbeatNanos()).isEqualTo(MultiPaxosConfig.DEFAULT_HEARTBEAT_NANOS);
    assertThat(config.pendingSlotsMax()).isEqualTo(MultiPaxosConfig.DEFAULT_PENDING_SLOTS_MAX);
    assertThat(config.bugs()).isEmpty();
  }

  @Test
  void everyOptionIsAParameter() {
    MultiPaxosParams.Read read =
        read(
            """
            {"acceptors": ["n1", "n2", "n3", "n4", "n5"], "proposers": ["n1", "n5"],
             "leader": "n5", "quorums": {"phase1": 4, "phase2": 2},
             "leaderTimeoutMin": "100ms", "leaderTimeoutMax": "200ms", "heartbeat": "20ms",
             "leaderTimeouts": [{"node": "n1", "min": "300ms", "max": "400ms"}],
             "pendingSlotsMax": 8, "checkStatesMax": 1000,
             "bugs": ["leader_counts_own_accept"]}
            """,
            5);
    MultiPaxosConfig config = read.config();
    assertThat(config.proposers()).containsExactly(NodeId.of("n1"), NodeId.of("n5"));
    assertThat(config.firstLeader()).isEqualTo(NodeId.of("n5"));
    assertThat(config.quorums()).isEqualTo(new Quorums(5, 4, 2));
    assertThat(config.leaderTimeout(NodeId.of("n5")))
        .isEqualTo(new MultiPaxosConfig.TimeoutRange(100 * MILLI, 200 * MILLI));
    assertThat(config.leaderTimeout(NodeId.of("n1")))
        .isEqualTo(new MultiPaxosConfig.TimeoutRange(300 * MILLI, 400 * MILLI));
    assertThat(config.heartbeatNanos()).isEqualTo(20 * MILLI);
    assertThat(config.pendingSlotsMax()).isEqualTo(8);
    assertThat(read.checkStatesMax()).isEqualTo(1000);
    assertThat(config.bugs()).containsExactly(MultiPaxosBug.LEADER_COUNTS_OWN_ACCEPT);
  }

  @Test
  void nonIntersectingQuorumsAreALocatedErrorUnlessTheBugAllowsThem() {
    assertThatThrownBy(() -> read("{\"quorums\": {\"phase1\": 2, \"phase2\": 2}}", 5))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("m.json:1:")
        .hasMessageContaining("params.quorums.phase2")
        .hasMessageContaining("Q1 + Q2 = 4 does not exceed the 5 acceptors");
    String planted =
        "{\"quorums\": {\"phase1\": 2, \"phase2\": 2}, \"bugs\": [\"non_intersecting_quorums\"]}";
    assertThat(read(planted, 5).config().quorums().intersect()).isFalse();
  }

  @Test
  void quorumsAreCountedAmongTheAcceptorsAndMustFit() {
    assertThatThrownBy(
            () ->
                read("{\"acceptors\": [\"n1\", \"n2\", \"n3\"], \"quorums\": {\"phase1\": 4}}", 5))
        .hasMessageContaining("params.quorums.phase1")
        .hasMessageContaining("larger than the 3 acceptors");
    assertThatThrownBy(() -> read("{\"quorums\": {\"phase2\": 0}}", 3))
        .hasMessageContaining("params.quorums.phase2")
        .hasMessageContaining("at least 1 acceptor");
  }

  @Test
  void anEvenNumberOfAcceptorsWithMajorityQuorumsIsWarned() {
    assertThat(read("{}", 4).warnings())
        .singleElement()
        .asString()
        .startsWith("m.json:1:")
        .contains("params.acceptors", "4 acceptors need 3");
    assertThat(read("{\"quorums\": {\"phase1\": 2, \"phase2\": 3}}", 4).warnings()).isEmpty();
  }

  @Test
  void aLeaderMustBeAProposer() {
    assertThatThrownBy(() -> read("{\"proposers\": [\"n1\"], \"leader\": \"n2\"}", 3))
        .hasMessageStartingWith("m.json:1:")
        .hasMessageContaining("params.leader")
        .hasMessageContaining("n2 is not a proposer");
    assertThatThrownBy(
            () ->
                read(
                    "{\"proposers\": [\"n1\"],"
                        + " \"leaderTimeouts\": [{\"node\": \"n3\", \"min\": \"1s\"}]}",
                    3))
        .hasMessageContaining("params.leaderTimeouts[0].node")
        .hasMessageContaining("n3 is not a proposer");
    assertThatThrownBy(() -> read("{\"acceptors\": []}", 3))
        .hasMessageContaining("params.acceptors");
  }

  @Test
  void aHeartbeatMustBeShorterThanEveryLeaderTimeout() {
    assertThatThrownBy(() -> read("{\"heartbeat\": \"150ms\"}", 3))
        .hasMessageContaining("params.heartbeat")
        .hasMessageContaining("shorter than the least leader timeout (150 ms)");
    assertThat(read("{\"heartbeat\": \"100ms\"}", 3).warnings())
        .singleElement()
        .asString()
        .contains("params.heartbeat", "one lost heartbeat");
    assertThatThrownBy(
            () -> read("{\"leaderTimeoutMin\": \"300ms\", \"leaderTimeoutMax\": \"200ms\"}", 3))
        .hasMessageContaining("params.leaderTimeoutMax");
  }
}
