package faultline.protocols.register;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;

import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.check.Invariant;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.random.SimRandom;
import faultline.engine.time.NodeClock;
import faultline.protocols.clocks.ClockInvariants;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Builds register runs for tests: random writes, skewed clocks, and optional random faults. */
final class RegisterRuns {
  private RegisterRuns() {}

  static List<Invariant> allInvariants() {
    List<Invariant> all = new ArrayList<>(ClockInvariants.all());
    all.addAll(RegisterInvariants.all());
    return all;
  }

  /**
   * Four replicas writing every 20-120 ms for 3 s over a 1-30 ms network with 5% loss and 5%
   * duplication; clocks skewed up to ±100 ms with drift; with {@code faults}, a pause, a
   * crash/restart, a partition and a backward clock jump, all drawn from the seed.
   */
  static RunOutcome run(long seed, Timestamping resolveBy, Set<RegisterBug> bugs, boolean faults) {
    return run(seed, resolveBy, bugs, faults, List.of(), true, UnaryOperator.identity());
  }

  /**
   * The same run with {@code moreFaults} too, going on past violations when {@code stopOnViolation}
   * is false, with every invariant passed through {@code wrap}.
   */
  static RunOutcome run(
      long seed,
      Timestamping resolveBy,
      Set<RegisterBug> bugs,
      boolean faults,
      List<ScheduledFault> moreFaults,
      boolean stopOnViolation,
      UnaryOperator<Invariant> wrap) {
    RegisterConfig config =
        new RegisterConfig(
            resolveBy,
            List.of(),
            new RegisterConfig.RandomWrites(20 * MILLI, 120 * MILLI, 3 * SECOND),
            bugs);
    SimRandom setup = new SimRandom(seed ^ 0x5eed);
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .network(
                new LinkPolicy(
                    Latency.uniform(MILLI, 30 * MILLI),
                    Ratio.of(1, 20),
                    Ratio.of(1, 20),
                    Ratio.of(1, 10),
                    false))
            .limits(Limits.of(4 * SECOND))
            .stopOnViolation(stopOnViolation);
    List<NodeId> nodes =
        List.of(NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3"), NodeId.of("n4"));
    for (NodeId node : nodes) {
      builder.node(node, id -> new RegisterNode(config));
      long offsetNanos = setup.nextLongBetween(-100 * MILLI, 100 * MILLI);
      long driftPpb = setup.nextLongBetween(-300_000, 300_000);
      builder.clock(node, new NodeClock(offsetNanos, driftPpb));
    }
    if (faults) {
      NodeId victim = nodes.get(setup.nextInt(nodes.size()));
      NodeId other = nodes.get(setup.nextInt(nodes.size()));
      builder.fault(new ScheduledFault(500 * MILLI, new Fault.Pause(victim, 300 * MILLI)));
      builder.fault(new ScheduledFault(1200 * MILLI, new Fault.Crash(other, false)));
      builder.fault(new ScheduledFault(1500 * MILLI, new Fault.Restart(other)));
      builder.fault(
          new ScheduledFault(
              1800 * MILLI, new Fault.Partition(List.of(List.of(nodes.get(0), nodes.get(1))))));
      builder.fault(new ScheduledFault(2200 * MILLI, new Fault.Heal()));
      builder.fault(new ScheduledFault(2500 * MILLI, new Fault.ClockJump(victim, -200 * MILLI)));
    }
    moreFaults.forEach(builder::fault);
    allInvariants().stream().map(wrap).forEach(builder::invariant);
    return builder.build().run();
  }
}
