package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftBug;
import faultline.protocols.raft.ReadMode;
import faultline.scenarios.parse.JsonParamReader;
import faultline.scenarios.parse.ScenarioException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The raft binding's parameters: defaults, every option, and bad or unwise input. */
class RaftParamsTest {
  private static List<NodeId> nodes(String... names) {
    return List.of(names).stream().map(NodeId::of).toList();
  }

  private static RaftParams.Read read(String json, List<NodeId> nodes) {
    return RaftParams.read(
        JsonParamReader.fromText("s.json", "params", json, nodes), nodes, 5_000 * MILLI);
  }

  @Test
  void defaultsFollowThePaper() {
    RaftParams.Read read = read("{}", nodes("n1", "n2", "n3"));
    assertThat(read.config().servers()).isEqualTo(nodes("n1", "n2", "n3"));
    assertThat(read.config().electionTimeoutMinNanos()).isEqualTo(150 * MILLI);
    assertThat(read.config().electionTimeoutMaxNanos()).isEqualTo(300 * MILLI);
    assertThat(read.config().heartbeatNanos()).isEqualTo(50 * MILLI);
    assertThat(read.config().readMode()).isEqualTo(ReadMode.READ_INDEX);
    assertThat(read.config().preVote()).isFalse();
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void everyOptionIsAParameter() {
    RaftParams.Read read =
        read(
            """
            {"electionTimeoutMin": "200ms", "electionTimeoutMax": "400ms", "heartbeat": "20ms",
             "preVote": true, "checkQuorum": true, "fastBackup": true, "reads": "lease",
             "maxEntriesPerAppend": 3, "bugs": ["stale_local_reads"],
             "electionTimeouts": [{"node": "n2", "min": "1s", "max": "2s"}],
             "clients": {"nodes": ["c1"], "processes": 3, "keys": 5,
                         "mix": {"get": 0, "put": 1, "append": 0, "cas": 0},
                         "attemptTimeout": "50ms", "operationTimeout": "500ms", "until": "2s"}}
            """,
            nodes("n1", "n2", "n3", "c1"));
    assertThat(read.config().servers()).isEqualTo(nodes("n1", "n2", "n3"));
    assertThat(read.config().checkQuorum()).isTrue();
    assertThat(read.config().fastBackup()).isTrue();
    assertThat(read.config().readMode()).isEqualTo(ReadMode.LEASE);
    assertThat(read.config().bugs()).containsExactly(RaftBug.STALE_LOCAL_READS);
    assertThat(read.config().electionTimeoutOverrides().get(NodeId.of("n2")).minNanos())
        .isEqualTo(1_000 * MILLI);
    assertThat(read.config().workload().processes()).isEqualTo(3);
    assertThat(read.config().workload().untilNanos()).isEqualTo(2_000 * MILLI);
  }

  @Test
  void anEvenClusterIsLegalButWarned() {
    RaftParams.Read read =
        read("{\"servers\": [\"n1\", \"n2\", \"n3\", \"n4\"]}", nodes("n1", "n2", "n3", "n4"));
    assertThat(read.warnings())
        .singleElement()
        .asString()
        .startsWith("s.json:1:")
        .contains("params.servers", "4 servers", "tolerate 1 failure,", "odd size");
  }

  @Test
  void timeoutRangesTooNarrowToBreakATieAreLegalButWarned() {
    List<NodeId> three = nodes("n1", "n2", "n3");
    // Found by the configuration fuzzer: 286-286 ms and 423-424 ms never elected a leader.
    assertThat(
            read("{\"electionTimeoutMin\": \"286ms\", \"electionTimeoutMax\": \"286ms\"}", three)
                .warnings())
        .singleElement()
        .asString()
        .startsWith("s.json:1:")
        .contains("params.electionTimeoutMax", "n1 and n2", "narrower than 5 ms", "split the vote");
    assertThat(
            read(
                    """
                    {"electionTimeouts": [{"node": "n1", "min": "100ms", "max": "102ms"},
                                          {"node": "n3", "min": "101ms", "max": "101ms"}]}
                    """,
                    three)
                .warnings())
        .singleElement()
        .asString()
        .contains("params.electionTimeouts", "n1 and n3");
    // Fixed timeouts that cannot meet, or that never fire within the run, are how scripts decide
    // who stands first; they deserve no warning.
    assertThat(
            read(
                    """
                    {"electionTimeouts": [{"node": "n1", "min": "100ms", "max": "100ms"},
                                          {"node": "n2", "min": "10s", "max": "10s"},
                                          {"node": "n3", "min": "10s", "max": "10s"}]}
                    """,
                    three)
                .warnings())
        .isEmpty();
    assertThat(
            read("{\"electionTimeoutMin\": \"200ms\", \"electionTimeoutMax\": \"205ms\"}", three)
                .warnings())
        .isEmpty();
  }

  @Test
  void aClusterWithNoServerIsAnError() {
    assertThatThrownBy(() -> read("{\"clients\": {\"nodes\": [\"c1\"]}}", nodes("c1")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("params.clients")
        .hasMessageContaining("at least one server");
  }

  @Test
  void aHeartbeatNoShorterThanTheElectionTimeoutIsAnError() {
    assertThatThrownBy(() -> read("{\"heartbeat\": \"150ms\"}", nodes("n1", "n2", "n3")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("s.json:1:")
        .hasMessageContaining("params.heartbeat")
        .hasMessageContaining("shorter than the least election timeout");
    assertThat(read("{\"heartbeat\": \"100ms\"}", nodes("n1", "n2", "n3")).warnings())
        .singleElement()
        .asString()
        .contains("half the least election timeout");
  }

  @Test
  void mistakesAreLocatedErrors() {
    List<NodeId> three = nodes("n1", "n2", "n3");
    assertThatThrownBy(() -> read("{\"prevote\": true}", three))
        .hasMessageContaining("did you mean \"preVote\"");
    assertThatThrownBy(() -> read("{\"reads\": \"fast\"}", three))
        .hasMessageContaining("params.reads");
    assertThatThrownBy(() -> read("{\"bugs\": [\"figure8\"]}", three))
        .hasMessageContaining("params.bugs");
    assertThatThrownBy(() -> read("{\"servers\": [\"n1\", \"n2\"]}", three))
        .hasMessageContaining("n3 is neither a server nor one of clients.nodes");
    assertThatThrownBy(
            () ->
                read(
                    "{\"clients\": {\"mix\": {\"get\": 0, \"put\": 0, \"append\": 0, \"cas\": 0}}}",
                    three))
        .hasMessageContaining("params.clients.mix");
    assertThatThrownBy(
            () ->
                read(
                    "{\"clients\": {\"nodes\": [\"c1\"], \"script\": [{\"at\": \"1s\","
                        + " \"client\": \"c1\", \"f\": \"cas\", \"value\": \"b\"}]}}",
                    nodes("n1", "c1")))
        .hasMessageContaining("params.clients.script[0].expected");
  }

  @Test
  void aLargeOddClusterIsFine() {
    List<NodeId> seven = IntStream.rangeClosed(1, 7).mapToObj(i -> NodeId.of("n" + i)).toList();
    assertThat(read("{}", seven).warnings()).isEmpty();
  }
}
