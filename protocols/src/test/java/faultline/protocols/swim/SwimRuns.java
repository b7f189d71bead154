package faultline.protocols.swim;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.trace.InMemoryTraceSink;
import faultline.engine.trace.TraceSink;
import faultline.protocols.membership.MembershipBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Builds SWIM runs for tests: n members on a LAN-like network, with faults and options. */
final class SwimRuns {

  private final List<NodeId> members = new ArrayList<>();
  private final List<ScheduledFault> faults = new ArrayList<>();
  private SwimConfig config;
  private LinkPolicy network = LinkPolicy.defaults().withLatency(Latency.uniform(MILLI, 5 * MILLI));
  private long seed = 1;
  private long durationNanos = 30 * SECOND;
  private MembershipBounds bounds;
  private TraceSink sink = TraceSink.discard();
  private java.util.Set<SwimBug> bugs = java.util.Set.of();

  private SwimRuns(int n) {
    for (int i = 1; i <= n; i++) {
      members.add(NodeId.of("n" + i));
    }
    config = SwimConfig.defaults(members);
  }

  static SwimRuns of(int n) {
    return new SwimRuns(n);
  }

  static NodeId n(int i) {
    return NodeId.of("n" + i);
  }

  SwimRuns config(UnaryOperator<SwimConfig.Builder> change) {
    config = change.apply(config.toBuilder()).build();
    return this;
  }

  SwimRuns seed(long value) {
    seed = value;
    return this;
  }

  SwimRuns seconds(long value) {
    durationNanos = value * SECOND;
    return this;
  }

  SwimRuns loss(Ratio loss) {
    network = network.withLoss(loss);
    return this;
  }

  SwimRuns fault(long atNanos, faultline.engine.fault.Fault fault) {
    faults.add(new ScheduledFault(atNanos, fault));
    return this;
  }

  SwimRuns planting(java.util.Set<SwimBug> bugs) {
    this.bugs = java.util.Set.copyOf(bugs);
    return this;
  }

  SwimRuns bounds(MembershipBounds value) {
    bounds = value;
    return this;
  }

  SwimRuns trace(TraceSink value) {
    sink = value;
    return this;
  }

  SwimConfig config() {
    return config;
  }

  Simulation build() {
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .network(network)
            .limits(new Limits(durationNanos, 50_000_000, 2_000_000))
            .stopOnViolation(false)
            .trace(sink, Map.of("name", "swim-test"));
    SwimConfig fixed = SwimBug.plant(config, bugs);
    for (NodeId member : members) {
      builder.node(member, id -> new SwimNode(fixed));
    }
    faults.forEach(builder::fault);
    MembershipBounds judged = bounds == null ? SwimInvariants.defaultBounds(fixed) : bounds;
    SwimInvariants.all(fixed, judged).forEach(builder::invariant);
    return builder.build();
  }

  RunOutcome run() {
    return build().run();
  }

  static InMemoryTraceSink memory() {
    return new InMemoryTraceSink();
  }
}
