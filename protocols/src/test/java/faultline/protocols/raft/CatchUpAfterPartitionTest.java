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
import faultline.protocols.kv.ClientWorkload;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A follower cut off for 3 s while the others commit about 200 entries a second catches up in a few
 * round trips. How it works: five servers without PreVote, so n5 comes back with a higher term and
 * forces an election; the new leader probes every follower from its own last entry, and n5's log
 * ends some 600 entries earlier. The run's trace gives the index committed at the heal and the time
 * n5 applies it. Probing one entry back per round trip (Figure 2 without a hint) took over 5 s here
 * and about 500 rejections; the follower's hint takes the probe to where its log ends at once.
 */
class CatchUpAfterPartitionTest {
  private static final long HEAL_NANOS = 4 * SECOND;
  private static final NodeId N5 = NodeId.of("n5");
  private static final ObjectMapper JSON = new ObjectMapper();

  static RaftConfig config(int maxInflightAppends) {
    ClientWorkload writers =
        new ClientWorkload(
            List.of(NodeId.of("c1")),
            10,
            5 * MILLI,
            20 * MILLI,
            10,
            ClientWorkload.Mix.DEFAULT,
            100 * MILLI,
            SECOND,
            5 * SECOND,
            List.of());
    return RaftConfig.builder(RaftRuns.servers(5))
        .workload(writers)
        .maxInflightAppends(maxInflightAppends)
        .build();
  }

  static RunOutcome run(long seed, RaftConfig config, InMemoryTraceSink trace) {
    List<NodeId> majority =
        List.of(
            NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3"), NodeId.of("n4"), NodeId.of("c1"));
    return RaftRuns.run(
        seed,
        config,
        new LinkPolicy(
            Latency.uniform(MILLI, 10 * MILLI), Ratio.ZERO, Ratio.ZERO, Ratio.ZERO, false),
        List.of(
            new ScheduledFault(SECOND, new Fault.Partition(List.of(List.of(N5), majority))),
            new ScheduledFault(HEAL_NANOS, new Fault.Heal())),
        RaftInvariants.all(
            LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)),
        6 * SECOND,
        trace);
  }

  /** How long after the heal n5 applied every entry committed by then, and how many that was. */
  record CatchUp(long nanos, long committedAtHeal) {}

  static CatchUp catchUp(InMemoryTraceSink trace) throws Exception {
    long committedAtHeal = 0;
    for (String line : trace.lines()) {
      JsonNode event = JSON.readTree(line);
      if (!event.path("type").asText().equals("apply")) {
        continue;
      }
      long index = event.get("index").asLong();
      long atNanos = event.get("t").asLong();
      if (atNanos <= HEAL_NANOS) {
        committedAtHeal = Math.max(committedAtHeal, index);
      } else if (event.get("node").asText().equals("n5") && index >= committedAtHeal) {
        return new CatchUp(atNanos - HEAL_NANOS, committedAtHeal);
      }
    }
    return new CatchUp(Long.MAX_VALUE, committedAtHeal);
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 4, 5})
  void aFollowerCutOffForThreeSecondsCatchesUpWithinAFewRoundTrips(long seed) throws Exception {
    InMemoryTraceSink trace = new InMemoryTraceSink();
    RunOutcome outcome =
        run(seed, config(RaftConfig.defaults(RaftRuns.servers(5)).maxInflightAppends()), trace);

    assertThat(outcome.violations()).isEmpty();
    CatchUp catchUp = catchUp(trace);
    assertThat(catchUp.committedAtHeal()).isGreaterThan(500);
    // The election n5 forces takes 100-300 ms of it; the catch-up itself a few round trips.
    assertThat(catchUp.nanos()).isLessThan(500 * MILLI);
    assertThat(outcome.metrics().getOrDefault("raft.appendRejections", 0L)).isLessThan(20L);
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2})
  void aSmallInflightLimitIsHitAndReportedAndReplicationStillCatchesUp(long seed) throws Exception {
    InMemoryTraceSink trace = new InMemoryTraceSink();
    RunOutcome outcome = run(seed, config(2), trace);

    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics().get("raft.inflightLimitHits")).isPositive();
    assertThat(catchUp(trace).nanos()).isLessThan(1_000 * MILLI);
  }
}
