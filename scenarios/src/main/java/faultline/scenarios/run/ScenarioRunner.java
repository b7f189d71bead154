package faultline.scenarios.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.check.Invariant;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import faultline.engine.time.NodeClock;
import faultline.engine.trace.TraceSink;
import faultline.scenarios.bind.ProtocolBinding;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.model.ClockSpec;
import faultline.scenarios.model.LinkOverride;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.Durations;
import faultline.scenarios.parse.ScenarioException;
import java.util.List;
import java.util.Map;

/** Builds a simulation from a scenario and a seed, runs it, and judges the expectations. */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** Runs with the scenario's own seed and duration, hashing the trace without keeping it. */
  public static RunReport run(Scenario scenario) {
    return run(scenario, scenario.seed(), scenario.run().durationNanos(), TraceSink.discard());
  }

  /**
   * Runs {@code scenario} with {@code seed} until {@code durationNanos} of virtual time, writing
   * the trace to {@code sink}.
   *
   * @throws ScenarioException when the protocol's parameters are bad, or a fault falls after a
   *     shortened end of run
   */
  public static RunReport run(Scenario scenario, long seed, long durationNanos, TraceSink sink) {
    Simulation simulation = build(scenario, seed, durationNanos, sink);
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
    for (ScheduledFault fault : scenario.faults()) {
      if (fault.atNanos() > durationNanos) {
        continue; // --until cut the run short; faults after the new end simply never happen.
      }
      builder.fault(fault);
    }
    for (Invariant invariant : selectedInvariants(scenario, setup)) {
      builder.invariant(invariant);
    }
    return builder.build();
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
   * The scenario as the trace header records it: the source document, with the run's duration when
   * {@code --until} changed it, so that replaying the header repeats this very run.
   */
  static ObjectNode headerSource(Scenario scenario, long durationNanos) {
    ObjectNode source = scenario.source().deepCopy();
    source.put("name", scenario.name());
    if (durationNanos != scenario.run().durationNanos()) {
      ObjectNode run = source.withObjectProperty("run");
      run.put("duration", Durations.format(durationNanos));
      // Faults after the new end never happen; dropping them keeps the header a valid scenario.
      if (source.get("faults") instanceof ArrayNode faults) {
        for (int i = faults.size() - 1; i >= 0; i--) {
          JsonNode at = faults.get(i).get("at");
          if (at != null && at.isTextual() && Durations.parse(at.asText()) > durationNanos) {
            faults.remove(i);
          }
        }
      }
    }
    return source;
  }
}
