package faultline.scenarios.analysis;

import faultline.engine.Simulation;
import faultline.engine.node.NodeId;
import faultline.engine.trace.TraceSink;
import faultline.protocols.swim.FinishedProbe;
import faultline.protocols.swim.SwimNode;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.run.ScenarioRunner;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, protocol period by protocol period, the members that were probed and those whose probes
 * failed, the unit of SWIM's accuracy analysis (§3.1: the chance that a non-faulty member is
 * falsely detected as failed within a protocol period). Needs aligned periods ({@code
 * "staggerStart": false}, no Local Health Awareness): every member's probe of period t then ends at
 * the boundary of period t + 1, where the run is stopped to read each member's last finished probe.
 * Reads the members' state only, so the run is the one {@code run} would make.
 *
 * @param memberPeriods member-periods in which the member was probed at least once
 * @param falselyDetected those in which at least one of those probes failed
 * @param probes probes finished in all
 * @param failedProbes those that failed
 * @param violatedRuns runs that violated an invariant (0 or 1 for one run)
 */
record PeriodProbes(
    long memberPeriods, long falselyDetected, long probes, long failedProbes, long violatedRuns) {
  static final PeriodProbes NONE = new PeriodProbes(0, 0, 0, 0, 0);

  static PeriodProbes count(Scenario scenario, long seed, long periodNanos) {
    long durationNanos = scenario.run().untilNanos();
    Simulation simulation =
        ScenarioRunner.build(scenario, seed, durationNanos, TraceSink.discard());
    Map<NodeId, Long> seen = new TreeMap<>(); // Each member's probes counted so far.
    long memberPeriods = 0;
    long detected = 0;
    long probes = 0;
    long failed = 0;
    for (long boundary = periodNanos; boundary <= durationNanos; boundary += periodNanos) {
      boolean goesOn = simulation.runUntil(boundary);
      TreeMap<NodeId, Boolean> period = new TreeMap<>(); // Probed target -> some probe failed.
      for (NodeId id : scenario.nodes()) {
        FinishedProbe probe =
            simulation.node(id, SwimNode.class).map(SwimNode::lastFinishedProbe).orElse(null);
        if (probe == null || probe.number() == seen.getOrDefault(id, 0L)) {
          continue; // No probe ended at this boundary (none yet, or the member drew itself).
        }
        if (probe.number() != seen.getOrDefault(id, 0L) + 1) {
          throw new IllegalStateException(
              id + " finished two probes in one period: periods are not aligned");
        }
        seen.put(id, probe.number());
        period.merge(probe.target(), !probe.answered(), Boolean::logicalOr);
        probes++;
        failed += probe.answered() ? 0 : 1;
      }
      memberPeriods += period.size();
      detected += period.values().stream().filter(Boolean::booleanValue).count();
      if (!goesOn) {
        break;
      }
    }
    boolean violated = simulation.finish().violated();
    return new PeriodProbes(memberPeriods, detected, probes, failed, violated ? 1 : 0);
  }

  PeriodProbes plus(PeriodProbes other) {
    return new PeriodProbes(
        memberPeriods + other.memberPeriods,
        falselyDetected + other.falselyDetected,
        probes + other.probes,
        failedProbes + other.failedProbes,
        violatedRuns + other.violatedRuns);
  }
}
