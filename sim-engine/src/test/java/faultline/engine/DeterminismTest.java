package faultline.engine;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.testing.Gossip;
import faultline.engine.testing.TraceCapture;
import faultline.engine.time.NodeClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The product's promise: one seed, one run, byte for byte. How it works: a {@link Gossip} cluster
 * that draws on every source of randomness (random peers and timers, loss, duplication, reordering)
 * and goes through every kind of fault (pause, crash with lost writes, restart, partition, block,
 * clock drift and jump, link change) is run in fresh simulations and compared by trace hash: equal
 * for the same seed however the run is built or driven, distinct across seeds. Every assertion
 * names the seed, so a failure can be replayed.
 */
class DeterminismTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");
  private static final NodeId N4 = NodeId.of("n4");
  private static final NodeId N5 = NodeId.of("n5");

  /** A fresh builder for the stress scenario: nothing in it is shared with an earlier run. */
  static SimulationBuilder gossipCluster(long seed) {
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .network(
                LinkPolicy.defaults()
                    .withLatency(Latency.uniform(MILLI, 20 * MILLI))
                    .withLoss(Ratio.of(1, 20))
                    .withDuplicate(Ratio.of(1, 20))
                    .withReorder(Ratio.of(1, 10)))
            .link(N1, N2, LinkPolicy.defaults().withFifo(true))
            .clock(N4, new NodeClock(3 * MILLI, 80_000))
            .limits(Limits.of(1_000 * MILLI));
    for (NodeId id : List.of(N1, N2, N3, N4, N5)) {
      builder.node(id, unused -> new Gossip());
    }
    faults().forEach(builder::fault);
    return builder;
  }

  private static List<ScheduledFault> faults() {
    return List.of(
        new ScheduledFault(100 * MILLI, new Fault.Pause(N2, 50 * MILLI)),
        new ScheduledFault(120 * MILLI, new Fault.ClockJump(N4, -40 * MILLI)),
        new ScheduledFault(200 * MILLI, new Fault.Crash(N3, true)),
        new ScheduledFault(300 * MILLI, new Fault.Restart(N3)),
        new ScheduledFault(350 * MILLI, new Fault.ClockDrift(N4, -150_000)),
        new ScheduledFault(400 * MILLI, new Fault.Partition(List.of(List.of(N1, N2), List.of(N3)))),
        new ScheduledFault(450 * MILLI, new Fault.Block(N5, N1)),
        new ScheduledFault(
            480 * MILLI,
            new Fault.LinkChange(
                null,
                N5,
                Latency.uniform(5 * MILLI, 50 * MILLI),
                Ratio.of(1, 5),
                null,
                null,
                null)),
        new ScheduledFault(500 * MILLI, new Fault.Heal()),
        new ScheduledFault(600 * MILLI, new Fault.Unblock(N5, N1)),
        new ScheduledFault(700 * MILLI, new Fault.Crash(N1, false)),
        new ScheduledFault(720 * MILLI, new Fault.Restart(N1)));
  }

  @Test
  void theSameSeedGivesTheSameTraceInFreshSimulations() {
    for (long seed : new long[] {1, 42, -7}) {
      TraceCapture first = new TraceCapture();
      TraceCapture second = new TraceCapture();
      RunOutcome a = gossipCluster(seed).trace(first, Map.of("seed", seed)).build().run();
      RunOutcome b = gossipCluster(seed).trace(second, Map.of("seed", seed)).build().run();
      assertThat(b.fingerprint()).as("seed %s", seed).isEqualTo(a.fingerprint());
      assertThat(second.bytes()).as("seed %s", seed).isEqualTo(first.bytes());
      assertThat(b.metrics()).isEqualTo(a.metrics());
      assertThat(a.events()).as("the scenario is not trivial").isGreaterThan(1_000);
    }
  }

  @Test
  void theStressScenarioExercisesEveryFaultAndNetworkEffect() {
    TraceCapture trace = new TraceCapture();
    RunOutcome outcome = gossipCluster(3).trace(trace, Map.of()).build().run();
    assertThat(trace.types())
        .contains(
            "pause",
            "resume",
            "crash",
            "restart",
            "partition",
            "heal",
            "block",
            "unblock",
            "clock",
            "link",
            "drop",
            "timer",
            "deliver",
            "send",
            "state",
            "note");
    assertThat(trace.events("drop"))
        .extracting(e -> e.get("reason").asText())
        .contains("loss", "partition", "node-down", "blocked");
    assertThat(trace.events("deliver")).anySatisfy(e -> assertThat(e.has("copy")).isTrue());
    assertThat(trace.events("timer")).anySatisfy(e -> assertThat(e.has("dueT")).isTrue());
    assertThat(outcome.metrics().get("gossip.sent")).isGreaterThan(100);
  }

  @Test
  void twentySeedsGiveTwentyDistinctTraces() {
    Map<String, Long> seedOfHash = new HashMap<>();
    for (long seed = 0; seed < 20; seed++) {
      String hash = gossipCluster(seed).build().run().fingerprint();
      Long clash = seedOfHash.put(hash, seed);
      assertThat(clash).as("seed %s repeats the trace of seed %s", seed, clash).isNull();
    }
    assertThat(seedOfHash).hasSize(20);
  }

  @Test
  void oneBuilderBuiltTwiceGivesTheSameTraceTwice() {
    // The builder holds mutable parts (a node's clock, which the clock faults change): a second
    // build must not start from the state the first run left behind.
    SimulationBuilder builder = gossipCluster(11);
    String first = builder.build().run().fingerprint();
    String second = builder.build().run().fingerprint();
    assertThat(second).isEqualTo(first);
    assertThat(gossipCluster(11).build().run().fingerprint()).isEqualTo(first);
  }

  @Test
  void drivingTheRunPiecewiseGivesTheSameTraceAsOneRun() {
    String whole = gossipCluster(5).build().run().fingerprint();
    Simulation stepped = gossipCluster(5).build();
    for (long deadline = 0; stepped.runUntil(deadline); deadline += 7 * MILLI + 1) {
      assertThat(stepped.nowNanos()).isLessThanOrEqualTo(deadline);
    }
    assertThat(stepped.finish().fingerprint()).isEqualTo(whole);
  }

  @Test
  void aNewNodeDoesNotChangeTheOthersRandomStreams() {
    // Streams are per node: n1's first random draws are the same in a 5-node and a 6-node run.
    Map<String, Long> firstDraws = new HashMap<>();
    for (int size : new int[] {5, 6}) {
      List<NodeId> ids = List.of(N1, N2, N3, N4, N5, NodeId.of("n6")).subList(0, size);
      SimulationBuilder builder = Simulation.builder().seed(9).limits(Limits.of(MILLI));
      for (NodeId id : ids) {
        builder.node(
            id,
            unused ->
                new faultline.engine.testing.Script()
                    .onStart(
                        (node, context) -> {
                          if (context.self().equals(N1)) {
                            firstDraws.put("size" + size, context.random().nextLong());
                          }
                        })
                    .factory()
                    .create(unused));
      }
      builder.build().run();
    }
    assertThat(firstDraws.get("size6")).isEqualTo(firstDraws.get("size5"));
  }
}
