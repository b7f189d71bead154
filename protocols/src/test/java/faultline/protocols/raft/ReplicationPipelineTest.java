package faultline.protocols.raft;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.engine.RunOutcome;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The leader sends each entry to each follower once when nothing goes wrong (pipelining, Ongaro's
 * dissertation §10.2.1), and a follower that missed AppendEntries still catches up (probe state).
 */
class ReplicationPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NodeId N5 = NodeId.of("n5");

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

  /** How many times each (follower, index) went out in an AppendEntries. */
  private static Map<String, Integer> copiesSent(InMemoryTraceSink trace) throws Exception {
    Map<String, Integer> copies = new TreeMap<>();
    for (JsonNode send : events(trace, "send")) {
      if (!send.path("msg").asText().equals("AppendEntries")) {
        continue;
      }
      JsonNode payload = send.get("payload");
      long index = payload.get("prevLogIndex").asLong();
      for (JsonNode ignored : payload.get("entries")) {
        index++;
        copies.merge(send.get("to").asText() + "@" + index, 1, Integer::sum);
      }
    }
    return copies;
  }

  private static Map<String, Integer> appliedByServer(InMemoryTraceSink trace) throws Exception {
    Map<String, Integer> applied = new TreeMap<>();
    for (JsonNode apply : events(trace, "apply")) {
      applied.merge(apply.get("node").asText(), 1, Integer::sum);
    }
    return applied;
  }

  private static RunOutcome run(List<ScheduledFault> faults, InMemoryTraceSink trace) {
    LinkPolicy lossless =
        new LinkPolicy(Latency.constant(2 * MILLI), Ratio.ZERO, Ratio.ZERO, Ratio.ZERO, false);
    return RaftRuns.run(
        7,
        RaftRuns.fiveServersTwoClients(2 * SECOND),
        lossless,
        faults,
        RaftInvariants.all(
            LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)),
        3 * SECOND,
        trace);
  }

  @Test
  void aLosslessRunSendsEachEntryToEachFollowerOnce() throws Exception {
    InMemoryTraceSink trace = new InMemoryTraceSink();
    RunOutcome outcome = run(List.of(), trace);

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("raft.leaderChanges")).isEqualTo(1);
    Map<String, Integer> copies = copiesSent(trace);
    int committed = appliedByServer(trace).values().stream().min(Integer::compare).orElseThrow();
    assertThat(committed).isGreaterThan(50);
    assertThat(copies).hasSizeGreaterThanOrEqualTo(4 * committed);
    assertThat(copies.values()).containsOnly(1);
  }

  @Test
  void aFollowerThatMissedAppendEntriesCatchesUp() throws Exception {
    List<ScheduledFault> faults = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      NodeId server = NodeId.of("n" + i);
      faults.add(new ScheduledFault(1 * SECOND, new Fault.Block(server, N5)));
      faults.add(new ScheduledFault(1_030 * MILLI, new Fault.Unblock(server, N5)));
    }
    InMemoryTraceSink trace = new InMemoryTraceSink();
    RunOutcome outcome = run(faults, trace);

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("raft.leaderChanges")).isEqualTo(1);
    assertThat(events(trace, "drop"))
        .anyMatch(
            drop ->
                drop.get("msg").asText().equals("AppendEntries")
                    && drop.get("to").asText().equals("n5"));
    // Entries went to n5 while it was cut off, so it rejected what followed and was probed.
    assertThat(outcome.metrics().get("raft.appendRejections")).isPositive();
    Map<String, Integer> applied = appliedByServer(trace);
    assertThat(applied.get("n5")).isPositive().isEqualTo(applied.get("n1"));
    assertThat(applied.values()).containsOnly(applied.get("n1"));
  }
}
