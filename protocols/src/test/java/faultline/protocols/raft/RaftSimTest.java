package faultline.protocols.raft;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.engine.RunOutcome;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole runs of five servers and two clients: the trace has the records other tools read (state,
 * apply, client), the clients' history is well formed and linearizable, and metrics come out.
 */
class RaftSimTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> events(InMemoryTraceSink trace, String type) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String line : trace.lines()) {
      JsonNode event = JSON.readTree(line);
      if (type.equals(event.path("type").asText())) {
        events.add(event);
      }
    }
    return events;
  }

  @Test
  void aRunWithALeaderCrashTracesRolesAppliesAndClientOperations() throws Exception {
    InMemoryTraceSink trace = new InMemoryTraceSink();
    RunOutcome outcome =
        RaftRuns.run(
            3,
            RaftRuns.fiveServersTwoClients(2 * SECOND),
            RaftRuns.network(Ratio.of(1, 50), Ratio.of(1, 50)),
            List.of(
                new ScheduledFault(1 * SECOND, new Fault.Crash(NodeId.of("n1"), true)),
                new ScheduledFault(1 * SECOND, new Fault.Crash(NodeId.of("n2"), true)),
                new ScheduledFault(1500 * MILLI, new Fault.Restart(NodeId.of("n1"))),
                new ScheduledFault(1500 * MILLI, new Fault.Restart(NodeId.of("n2")))),
            RaftInvariants.all(
                LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)),
            3 * SECOND,
            trace);

    assertThat(outcome.violations()).isEmpty();
    JsonNode leader =
        events(trace, "state").stream()
            .map(event -> event.get("state"))
            .filter(state -> state.get("role").asText().equals("LEADER"))
            .findFirst()
            .orElseThrow();
    assertThat(leader.get("term").asLong()).isPositive();
    JsonNode apply = events(trace, "apply").getFirst();
    assertThat(apply.fieldNames()).toIterable().contains("index", "term", "command");
    List<JsonNode> client = events(trace, "client");
    assertThat(client).extracting(event -> event.get("phase").asText()).contains("invoke", "ok");
    assertThat(client.getFirst().get("op").fieldNames()).toIterable().contains("f", "key", "value");
    assertThat(outcome.metrics().get("kv.historyEvents")).isEqualTo(client.size());
    assertThat(outcome.metrics()).containsKeys("raft.commitLatencyP99Nanos", "kv.okPerSecond");
  }
}
