package faultline.scenarios.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.Limits;
import faultline.engine.RunMonitor;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.check.Invariant;
import faultline.engine.check.Observer;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import faultline.engine.random.Seeds;
import faultline.engine.time.NodeClock;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.ProtocolBinding;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.ClockSpec;
import faultline.scenarios.model.LinkOverride;
import faultline.scenarios.model.RandomFaults;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.Durations;
import faultline.scenarios.parse.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a simulation from a scenario and a seed, runs it, and judges the expectations. */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** Runs with the scenario's own seed and length, hashing the trace without keeping it. */
  public static RunReport run(Scenario scenario) {
    return run(scenario, scenario.seed(), scenario.run().untilNanos(), TraceSink.discard());
  }

  /**
   * Runs {@code scenario} with {@code seed} until {@code durationNanos} of virtual time, writing
   * the trace to {@code sink}.
   *
   * @throws ScenarioException when the protocol's parameters are bad, or a fault falls after a
   *     shortened end of run
   */
  public static RunReport run(Scenario scenario, long seed, long durationNanos, TraceSink sink) {
    return run(scenario, seed, durationNanos, sink, RunMonitor.NONE);
  }

  /** Like {@link #run(Scenario, long, long, TraceSink)}, watched by {@code monitor}. */
  public static RunReport run(
      Scenario scenario, long seed, long durationNanos, TraceSink sink, RunMonitor monitor) {
    Simulation simulation = build(scenario, seed, durationNanos, sink, monitor);
    RunOutcome outcome = simulation.run();
    RunReport report = new RunReport(scenario, seed, durationNanos, outcome, List.of());
    if (report.expectationsJudged()) {
      return new RunReport(
          scenario, seed, durationNanos, outcome, Expectations.unmet(scenario.expect(), outcome));
    }
    return report;
  }

  /** Builds the simulation without running it (the visualizer steps it itself). */
  public static Simulation build(Scenario scenario, long seed, long durationNanos, TraceSink sink) {
    return build(scenario, seed, durationNanos, sink, RunMonitor.NONE);
  }

  /** Like {@link #build(Scenario, long, long, TraceSink)}, watched by {@code monitor}. */
  public static Simulation build(
      Scenario scenario, long seed, long durationNanos, TraceSink sink, RunMonitor monitor) {
    return build(scenario, seed, durationNanos, sink, monitor, List.of());
  }

  /**
   * Like {@link #build(Scenario, long, long, TraceSink, RunMonitor)}, with {@code observers}
   * watching every step besides the scenario's invariants: a tool that measures a run (or checks
   * what an export says against the engine's own view of it) without changing it.
   */
  public static Simulation build(
      Scenario scenario,
      long seed,
      long durationNanos,
      TraceSink sink,
      RunMonitor monitor,
      List<? extends Observer> observers) {
    ProtocolBinding binding =
        Protocols.named(scenario.protocol())
            .orElseThrow(
                () ->
                    new ScenarioException(
                        scenario.origin(),
                        0,
                        0,
                        "protocol",
                        "unknown protocol " + scenario.protocol()));
    ProtocolBinding.Setup setup = binding.bind(scenario);
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .network(scenario.network())
            .limits(
                new Limits(durationNanos, scenario.run().maxEvents(), scenario.run().maxQueue()))
            .stopOnViolation(scenario.run().stopOnViolation())
            .monitor(monitor)
            .trace(sink, headerSource(scenario, durationNanos));
    setup.factories().forEach(builder::node);
    for (Map.Entry<NodeId, ClockSpec> clock : scenario.clocks().entrySet()) {
      builder.clock(
          clock.getKey(),
          new NodeClock(clock.getValue().offsetNanos(), clock.getValue().driftPpb()));
    }
    for (LinkOverride link : scenario.links()) {
      builder.link(link.from(), link.to(), link.policy());
    }
    for (ScheduledFault fault : faultsOf(scenario, seed, durationNanos)) {
      if (fault.atNanos() > durationNanos) {
        continue; // --until cut the run short; faults after the new end simply never happen.
      }
      builder.fault(fault);
    }
    for (Invariant invariant : selectedInvariants(scenario, setup)) {
      builder.invariant(invariant);
    }
    observers.forEach(builder::invariant);
    setup.sometimes().forEach(builder::sometimes);
    setup.eventually().forEach(builder::eventually);
    if (scenario.run().judgesAfterQuiet()) {
      builder.judgeEventuallyAfterQuiet(scenario.run().quietAfterFaultsNanos());
    }
    return builder.build();
  }

  /**
   * The scripted faults, then those drawn from the run's {@code faults} stream. A run cut short by
   * {@code --until} draws within the shortened window, so its faults still end before it does.
   */
  public static List<ScheduledFault> faultsOf(Scenario scenario, long seed, long durationNanos) {
    if (scenario.randomFaults() == null) {
      return scenario.faults();
    }
    List<ScheduledFault> all = new ArrayList<>(scenario.faults());
    RandomFaults window = scenario.randomFaults().endingBy(durationNanos);
    all.addAll(RandomFaultPlan.draw(window, new Seeds(seed).stream("faults")));
    return all;
  }

  private static List<Invariant> selectedInvariants(
      Scenario scenario, ProtocolBinding.Setup setup) {
    if (scenario.invariants().isEmpty()) {
      return setup.invariants();
    }
    return setup.invariants().stream()
        .filter(invariant -> scenario.invariants().contains(invariant.name()))
        .toList();
  }

  /**
   * The scenario as the trace header records it: the source document, with {@code run.until} when
   * the run stopped somewhere else than the scenario says, so that replaying the header repeats
   * this very run. The scenario's duration stays, because protocol parameters derive defaults from
   * it: a run cut short must be the same run, cut. The narration is left out: it is presentation,
   * and the header is part of the run's fingerprint, which it must not move.
   */
  static ObjectNode headerSource(Scenario scenario, long stopNanos) {
    ObjectNode source = scenario.source().deepCopy();
    source.remove("narration");
    source.put("name", scenario.name());
    if (stopNanos != scenario.run().untilNanos()) {
      source.withObjectProperty("run").put("until", Durations.format(stopNanos));
    }
    return source;
  }
}
