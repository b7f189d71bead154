package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import faultline.protocols.kv.ClientWorkload;
import faultline.protocols.kv.KvOperation;
import faultline.scenarios.parse.JsonParamReader;
import faultline.scenarios.parse.ParamReader;
import faultline.scenarios.parse.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The servers and the {@code clients} block, read the same way for every key-value protocol:
 * defaults, the workload and its script, and located errors that name the protocol's cluster.
 */
class KvClientParamsTest {
  private static final KvClientParams KV = KvClientParams.declare(new Parameters());

  private static List<NodeId> nodes(String... names) {
    return List.of(names).stream().map(NodeId::of).toList();
  }

  private static KvClientParams.Read read(String json, List<NodeId> nodes) {
    ParamReader params = JsonParamReader.fromText("kv.json", "params", json, nodes);
    KvClientParams.Read read = KV.read(params, nodes, 4_000 * MILLI, "a Paxos group");
    params.finish();
    return read;
  }

  @Test
  void withoutClientsEveryNodeServesAndNothingIsInvoked() {
    KvClientParams.Read read = read("{}", nodes("n1", "n2", "n3"));
    assertThat(read.servers()).isEqualTo(nodes("n1", "n2", "n3"));
    assertThat(read.workload().clients()).isEmpty();
    assertThat(read.workload().script()).isEmpty();
  }

  @Test
  void theClientsBlockDescribesTheWorkload() {
    KvClientParams.Read read =
        read(
            """
            {"clients": {"nodes": ["c1", "c2"], "processes": 3, "keys": 5,
                         "intervalMin": "10ms", "intervalMax": "30ms",
                         "mix": {"get": 0, "put": 1, "append": 2, "cas": 0},
                         "attemptTimeout": "50ms", "operationTimeout": "500ms"}}
            """,
            nodes("n1", "c1", "c2"));
    ClientWorkload workload = read.workload();
    assertThat(read.servers()).isEqualTo(nodes("n1"));
    assertThat(workload.clients()).isEqualTo(nodes("c1", "c2"));
    assertThat(workload.processes()).isEqualTo(3);
    assertThat(workload.keys()).isEqualTo(5);
    assertThat(workload.intervalMinNanos()).isEqualTo(10 * MILLI);
    assertThat(workload.mix()).isEqualTo(new ClientWorkload.Mix(0, 1, 2, 0));
    assertThat(workload.operationTimeoutNanos()).isEqualTo(500 * MILLI);
    assertThat(workload.untilNanos()).as("a second before the end").isEqualTo(3_000 * MILLI);
  }

  @Test
  void aScriptListsOperationsByClientAndTime() {
    KvClientParams.Read read =
        read(
            """
            {"clients": {"nodes": ["c1"], "script": [
              {"at": "100ms", "client": "c1", "f": "put", "key": "y", "value": "a"},
              {"at": "200ms", "client": "c1", "f": "cas", "expected": "a", "value": "b"},
              {"at": "300ms", "client": "c1", "f": "get"}]}}
            """,
            nodes("n1", "c1"));
    assertThat(read.workload().script())
        .extracting(ClientWorkload.ScriptedOperation::operation)
        .containsExactly(
            KvOperation.put("y", "a"), KvOperation.cas("x", "a", "b"), KvOperation.get("x"));
  }

  @Test
  void mistakesAreLocatedAndNameTheCluster() {
    assertThatThrownBy(() -> read("{\"clients\": {\"nodes\": [\"c1\"]}}", nodes("c1")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("kv.json:1:")
        .hasMessageContaining("params.clients")
        .hasMessageContaining("a Paxos group needs at least one server");
    assertThatThrownBy(
            () -> read("{\"servers\": [\"n1\"], \"clients\": {\"nodes\": [\"n1\"]}}", nodes("n1")))
        .hasMessageContaining("n1 is listed both as a server and as a client");
    assertThatThrownBy(() -> read("{\"clients\": {\"keys\": 0}}", nodes("n1")))
        .hasMessageContaining("params.clients.keys");
    assertThatThrownBy(
            () ->
                read(
                    "{\"clients\": {\"intervalMin\": \"50ms\", \"intervalMax\": \"10ms\"}}",
                    nodes("n1")))
        .hasMessageContaining("params.clients.intervalMax");
    assertThatThrownBy(() -> read("{\"clients\": {\"proceses\": 2}}", nodes("n1")))
        .hasMessageContaining("did you mean \"processes\"");
    assertThatThrownBy(
            () ->
                read(
                    "{\"clients\": {\"nodes\": [\"c1\"], \"script\": [{\"at\": \"9s\","
                        + " \"client\": \"c1\", \"f\": \"get\"}]}}",
                    nodes("n1", "c1")))
        .hasMessageContaining("params.clients.script[0].at")
        .hasMessageContaining("after the end of the run");
  }
}
