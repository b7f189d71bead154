package faultline.engine;

import faultline.engine.check.Eventually;
import faultline.engine.check.Invariant;
import faultline.engine.check.Sometimes;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Link;
import faultline.engine.net.LinkPolicy;
import faultline.engine.net.Network;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.engine.random.Seeds;
import faultline.engine.time.NodeClock;
import faultline.engine.trace.TraceSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Assembles a {@link Simulation}. Everything has a default except the nodes. */
public final class SimulationBuilder {
  private long seed = 1;
  private final TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
  private final TreeMap<NodeId, NodeClock> clocks = new TreeMap<>();
  private LinkPolicy defaultLinkPolicy = LinkPolicy.defaults();
  private final Map<NodeId, Map<NodeId, LinkPolicy>> linkPolicies = new TreeMap<>();
  private final List<ScheduledFault> faults = new ArrayList<>();
  private final List<Invariant> invariants = new ArrayList<>();
  private final List<Sometimes> sometimes = new ArrayList<>();
  private final List<Eventually> eventually = new ArrayList<>();
  private long eventuallyQuietNanos = -1; // Below zero: judged at the end of the run.
  private Limits limits = Limits.of(60_000_000_000L);
  private boolean stopOnViolation = true;
  private TraceSink traceSink = TraceSink.discard();
  private Object traceHeader = Map.of();
  private RunMonitor monitor = RunMonitor.NONE;

  // Built by build(); read back by the Simulation constructor.
  private List<NodeSlot> slots;
  private Network network;

  SimulationBuilder() {}

  public SimulationBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  public SimulationBuilder node(NodeId id, NodeFactory factory) {
    Check.argument(factories.put(id, factory) == null, "node %s is added twice", id);
    return this;
  }

  /** Gives a node a clock other than a perfect one. */
  public SimulationBuilder clock(NodeId id, NodeClock clock) {
    clocks.put(id, clock);
    return this;
  }

  public SimulationBuilder network(LinkPolicy defaultPolicy) {
    this.defaultLinkPolicy = defaultPolicy;
    return this;
  }

  /** Overrides the policy of the directed link {@code from -> to} from the start. */
  public SimulationBuilder link(NodeId from, NodeId to, LinkPolicy policy) {
    linkPolicies.computeIfAbsent(from, unused -> new TreeMap<>()).put(to, policy);
    return this;
  }

  public SimulationBuilder fault(ScheduledFault fault) {
    faults.add(fault);
    return this;
  }

  public SimulationBuilder invariant(Invariant invariant) {
    invariants.add(invariant);
    return this;
  }

  /** A property the run may reach; see {@link Sometimes}. */
  public SimulationBuilder sometimes(Sometimes property) {
    sometimes.add(Objects.requireNonNull(property, "property"));
    return this;
  }

  /** A property judged once, at the end or after a quiet window; see {@link Eventually}. */
  public SimulationBuilder eventually(Eventually property) {
    eventually.add(Objects.requireNonNull(property, "property"));
    return this;
  }

  /**
   * Judges the eventually properties once the faults have been over for {@code quietNanos}: at the
   * last fault's time (a pause's end for a pause) plus {@code quietNanos}, or at {@code quietNanos}
   * in a run without faults. Without it they are judged at the end of the run.
   */
  public SimulationBuilder judgeEventuallyAfterQuiet(long quietNanos) {
    Check.argument(quietNanos >= 0, "a quiet window cannot last %s ns", quietNanos);
    this.eventuallyQuietNanos = quietNanos;
    return this;
  }

  /** Watches the run from outside and may stop it early; see {@link RunMonitor}. */
  public SimulationBuilder monitor(RunMonitor monitor) {
    this.monitor = Objects.requireNonNull(monitor, "monitor");
    return this;
  }

  RunMonitor monitor() {
    return monitor;
  }

  public SimulationBuilder limits(Limits limits) {
    this.limits = limits;
    return this;
  }

  /** Whether the first violation stops the run (the default) or the run goes on to its limit. */
  public SimulationBuilder stopOnViolation(boolean stop) {
    this.stopOnViolation = stop;
    return this;
  }

  /**
   * Where the trace goes, and the resolved scenario that its header records (any value Jackson can
   * write; the scenarios module passes the scenario's JSON tree).
   */
  public SimulationBuilder trace(TraceSink sink, Object header) {
    this.traceSink = sink;
    this.traceHeader = header;
    return this;
  }

  public Simulation build() {
    Check.state(!factories.isEmpty(), "a simulation needs at least one node");
    Check.state(
        factories.size() <= EngineEvent.Deliver.NODES_MAX,
        "a simulation has at most %s nodes, not %s",
        EngineEvent.Deliver.NODES_MAX,
        factories.size());
    for (NodeId id : clocks.keySet()) {
      Check.argument(factories.containsKey(id), "clock for unknown node %s", id);
    }
    Seeds seeds = new Seeds(seed);
    slots = new ArrayList<>();
    int index = 0;
    for (Map.Entry<NodeId, NodeFactory> entry : factories.entrySet()) {
      NodeId id = entry.getKey();
      // A copy: clock faults change the clock, and a second build must start from the original.
      NodeClock clock = clocks.getOrDefault(id, NodeClock.perfect()).copy();
      slots.add(new NodeSlot(id, index++, entry.getValue(), clock, seeds.nodeStream(id.name())));
    }
    network = new Network(defaultLinkPolicy, seeds.stream("network"));
    linkPolicies.forEach(
        (from, targets) ->
            targets.forEach((to, policy) -> network.setPolicy(new Link(from, to), policy)));
    List<NodeId> nodeIds = sortedNodeIds();
    for (ScheduledFault fault : faults) {
      Check.argument(
          fault.atNanos() <= limits.timeLimitNanos(),
          "a fault at %s ns is after the end of the run (%s ns)",
          fault.atNanos(),
          limits.timeLimitNanos());
    }
    for (ScheduledFault fault : faults) {
      for (NodeId node : nodesNamedBy(fault.fault())) {
        Check.argument(
            factories.containsKey(node), "the fault %s names %s, which is not a node", fault, node);
      }
    }
    faults.sort(Comparator.comparingLong(ScheduledFault::atNanos)); // Stable: ties keep order.
    Check.state(nodeIds.size() == slots.size(), "node ids and slots agree");
    return new Simulation(this);
  }

  private static List<NodeId> nodesNamedBy(Fault fault) {
    return switch (fault) {
      case Fault.Partition partition -> partition.groups().stream().flatMap(List::stream).toList();
      case Fault.Heal heal -> List.of();
      case Fault.Block block -> List.of(block.from(), block.to());
      case Fault.Unblock unblock -> List.of(unblock.from(), unblock.to());
      case Fault.Crash crash -> List.of(crash.node());
      case Fault.Restart restart -> List.of(restart.node());
      case Fault.Pause pause -> List.of(pause.node());
      case Fault.ClockOffset offset -> List.of(offset.node());
      case Fault.ClockDrift drift -> List.of(drift.node());
      case Fault.ClockJump jump -> List.of(jump.node());
      case Fault.LinkChange change ->
          Stream.of(change.from(), change.to()).filter(Objects::nonNull).toList();
    };
  }

  // Read back by the Simulation constructor.

  long seed() {
    return seed;
  }

  List<NodeId> sortedNodeIds() {
    return List.copyOf(factories.keySet());
  }

  List<NodeSlot> slots() {
    return slots;
  }

  Network network() {
    return network;
  }

  List<ScheduledFault> faults() {
    return faults;
  }

  /**
   * Whether some check of the run may read its causal history (see {@link
   * Invariant#readsCausalHistory()}): only then does the engine track it.
   */
  boolean causalHistoryRead() {
    return invariants.stream().anyMatch(Invariant::readsCausalHistory)
        || sometimes.stream().anyMatch(Sometimes::readsCausalHistory)
        || eventually.stream().anyMatch(Eventually::readsCausalHistory);
  }

  List<Invariant> invariants() {
    return invariants;
  }

  List<Sometimes> sometimes() {
    return sometimes;
  }

  List<Eventually> eventually() {
    return eventually;
  }

  /** When the eventually properties are judged; {@link Long#MAX_VALUE} for the end of the run. */
  long eventuallyDueNanos() {
    if (eventuallyQuietNanos < 0) {
      return Long.MAX_VALUE;
    }
    long faultsOverNanos = 0;
    for (ScheduledFault fault : faults) {
      long endNanos =
          fault.fault() instanceof Fault.Pause pause
              ? Math.addExact(fault.atNanos(), pause.durationNanos())
              : fault.atNanos();
      faultsOverNanos = Math.max(faultsOverNanos, endNanos);
    }
    return Math.addExact(faultsOverNanos, eventuallyQuietNanos);
  }

  Limits limits() {
    return limits;
  }

  boolean stopOnViolation() {
    return stopOnViolation;
  }

  TraceSink traceSink() {
    return traceSink;
  }

  Object traceHeader() {
    return traceHeader;
  }
}
