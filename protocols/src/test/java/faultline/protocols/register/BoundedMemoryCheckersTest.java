package faultline.protocols.register;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.check.Violation;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.time.NodeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The clock and register checkers forget what no future event can ask about, so that their memory
 * stays bounded on long runs (the stamp log and the register's table of writes, compacted at the
 * engine's causal floor). How this test works: it runs the same seeds twice, once as shipped and
 * once with every invariant told that the floor is 0 (so that it forgets nothing, the unbounded
 * model), going on past every violation, and demands the very same violations at the very same
 * events. The runs are long enough (hundreds of stamped events per node, with loss, duplication, a
 * pause, a crash, a partition, a clock jump and two very slow links) for both tables to be
 * compacted many times.
 */
class BoundedMemoryCheckersTest {
  private static final int SEEDS = 12;

  /**
   * Two links so slow that their writes arrive after every node has heard of them through others:
   * only the messages still in flight keep those writes' records alive.
   */
  private static final List<ScheduledFault> SLOW_LINKS =
      List.of(slow(NodeId.of("n1"), NodeId.of("n3")), slow(NodeId.of("n2"), NodeId.of("n4")));

  private static ScheduledFault slow(NodeId from, NodeId to) {
    return new ScheduledFault(
        200 * MILLI,
        new Fault.LinkChange(
            from, to, Latency.uniform(300 * MILLI, 700 * MILLI), null, null, null, null));
  }

  /**
   * The case the in-flight bound exists for. n2's clock runs 100 ms ahead: its write w0 reaches n1,
   * which then writes w1 and w2 with smaller wall stamps, so w0 precedes w1 causally yet wins by
   * wall clock. n1's copies to n3 take a second. n4, whose clock is far behind, hears of w2 at once
   * and then writes 80 times (the checker compacts its table meanwhile); its writes lose to w0
   * everywhere, but they tell n3 of w2, so that every node has heard of w1 while its copy to n3 is
   * still on its way. When w1 finally reaches n3, n3 keeps w0 over it: a lost write, which only a
   * checker that kept w1's record, because a copy of it was still in flight, can see.
   */
  @Test
  void aWriteStillInFlightIsRememberedAfterEveryNodeHasHeardOfIt() {
    NodeId n1 = NodeId.of("n1");
    NodeId n2 = NodeId.of("n2");
    NodeId n3 = NodeId.of("n3");
    NodeId n4 = NodeId.of("n4");
    long ms = MILLI;
    List<RegisterConfig.ScriptedWrite> writes = new ArrayList<>();
    writes.add(new RegisterConfig.ScriptedWrite(10 * ms, n2, "w0"));
    writes.add(new RegisterConfig.ScriptedWrite(20 * ms, n1, "w1"));
    writes.add(new RegisterConfig.ScriptedWrite(40 * ms, n1, "w2"));
    for (int i = 0; i < 80; i++) {
      writes.add(new RegisterConfig.ScriptedWrite((100 + 5 * i) * ms, n4, "filler" + i));
    }
    RegisterConfig config = new RegisterConfig(Timestamping.WALL, writes, null);
    SimulationBuilder builder =
        Simulation.builder()
            .seed(1)
            .network(LinkPolicy.defaults().withLatency(Latency.constant(ms)))
            .limits(Limits.of(2 * SECOND))
            .stopOnViolation(false)
            .fault(
                new ScheduledFault(
                    0,
                    new Fault.LinkChange(
                        n1, n3, Latency.constant(1000 * ms), null, null, null, null)));
    for (NodeId node : List.of(n1, n2, n3, n4)) {
      builder.node(node, id -> new RegisterNode(config));
    }
    builder.clock(n2, new NodeClock(100 * ms, 0));
    builder.clock(n4, new NodeClock(-10 * SECOND, 0));
    RegisterInvariants.all().forEach(builder::invariant);

    RunOutcome outcome = builder.build().run();

    assertThat(outcome.violations())
        .filteredOn(v -> v.node().equals(n3) && v.message().contains("\"w1\""))
        .as("n3 kept w0 over w1, which arrived a second late")
        .hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RegisterBug.class)
  void eachPlantedClockBugIsCaughtAtTheSameEventsAsByTheUnboundedModel(RegisterBug bug) {
    assertSameViolations(Timestamping.HLC, Set.of(bug));
  }

  @ParameterizedTest(name = "resolve by {0}")
  @EnumSource(Timestamping.class)
  void lostWritesAreCaughtAtTheSameEventsAsByTheUnboundedModel(Timestamping resolveBy) {
    assertSameViolations(resolveBy, Set.of());
  }

  private static void assertSameViolations(Timestamping resolveBy, Set<RegisterBug> bugs) {
    int violationsSeen = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      RunOutcome bounded =
          RegisterRuns.run(seed, resolveBy, bugs, true, SLOW_LINKS, false, wrap -> wrap);
      RunOutcome unbounded =
          RegisterRuns.run(seed, resolveBy, bugs, true, SLOW_LINKS, false, ForgetsNothing::new);
      assertThat(describe(bounded.violations()))
          .as("seed %d", seed)
          .isEqualTo(describe(unbounded.violations()));
      violationsSeen += bounded.violations().size();
    }
    if (!bugs.isEmpty() || resolveBy == Timestamping.WALL) {
      assertThat(violationsSeen).as("violations to compare").isPositive();
    }
  }

  private static List<String> describe(List<Violation> violations) {
    return violations.stream()
        .map(v -> v.invariant() + "@" + v.seq() + " " + v.node() + ": " + v.message())
        .toList();
  }

  /** An invariant whose context always says the floor is 0: it never forgets anything. */
  private record ForgetsNothing(Invariant delegate) implements Invariant {
    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public String description() {
      return delegate.description();
    }

    @Override
    public void afterEvent(InvariantContext context) {
      delegate.afterEvent(new FloorZero(context));
    }

    @Override
    public void atEnd(InvariantContext context) {
      delegate.atEnd(new FloorZero(context));
    }
  }

  /** Everything from the engine's context, except a causal floor of 0 (the interface's default). */
  private record FloorZero(InvariantContext engine) implements InvariantContext {
    @Override
    public long nowNanos() {
      return engine.nowNanos();
    }

    @Override
    public Optional<Step> lastStep() {
      return engine.lastStep();
    }

    @Override
    public List<NodeId> nodes() {
      return engine.nodes();
    }

    @Override
    public <N> Optional<N> node(NodeId id, Class<N> type) {
      return engine.node(id, type);
    }

    @Override
    public boolean isUp(NodeId id) {
      return engine.isUp(id);
    }

    @Override
    public long wallClockNanos(NodeId id) {
      return engine.wallClockNanos(id);
    }

    @Override
    public long monotonicNanos(NodeId id) {
      return engine.monotonicNanos(id);
    }

    @Override
    public void fail(NodeId node, String message) {
      engine.fail(node, message);
    }

    @Override
    public void undecided(String message) {
      engine.undecided(message);
    }

    @Override
    public void count(String name, long delta) {
      engine.count(name, delta);
    }

    @Override
    public void recordMax(String name, long value) {
      engine.recordMax(name, value);
    }
  }
}
