package faultline.protocols.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.engine.RunOutcome;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.engine.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The key-value parts are not Raft's: a protocol that knows nothing but {@link KvMessage} and
 * {@link KvReplica} ({@link SingleServerKv}) gets clients that redirect and retry, a history in the
 * trace, and the end-of-run linearizability check, which passes when the server is honest and fails
 * when it loses acknowledged writes.
 */
class SharedClientPartsTest {
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
  void anHonestServerGetsALinearizableHistoryForFree() throws Exception {
    InMemoryTraceSink trace = new InMemoryTraceSink();
    RunOutcome outcome = SingleServerKv.cluster(5, false, trace).build().run();

    assertThat(outcome.violations()).isEmpty();
    List<JsonNode> client = events(trace, "client");
    assertThat(client).extracting(event -> event.get("phase").asText()).contains("invoke", "ok");
    assertThat(outcome.metrics().get("kv.historyEvents")).isEqualTo(client.size()).isPositive();
    assertThat(outcome.metrics().get("kv.okOperations")).isPositive();
    assertThat(outcome.metrics()).containsKeys("kv.okPerSecond", "kv.linearizabilityStates");
  }

  @Test
  void clientsFollowTheRedirectsOfTheServerThatDoesNotServe() throws Exception {
    InMemoryTraceSink trace = new InMemoryTraceSink();
    SingleServerKv.cluster(5, false, trace).build().run();

    List<JsonNode> redirects =
        events(trace, "send").stream()
            .filter(send -> send.path("msg").asText().equals("ClientReply"))
            .filter(send -> send.path("payload").path("status").asText().equals("NOT_LEADER"))
            .toList();
    assertThat(redirects).isNotEmpty().allMatch(send -> send.get("node").asText().equals("n2"));
    assertThat(redirects.getFirst().path("payload").path("leaderHint").asText()).isEqualTo("n1");
  }

  @Test
  void aServerThatLosesAcknowledgedWritesIsCaughtByTheSharedCheck() {
    RunOutcome outcome = SingleServerKv.cluster(5, true, TraceSink.discard()).build().run();

    assertThat(outcome.violations())
        .extracting(violation -> violation.invariant())
        .containsExactly(Linearizable.NAME);
  }
}
