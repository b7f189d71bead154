package faultline.protocols.leases;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.SimulationBuilder;
import faultline.engine.check.Violation;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.engine.random.SimRandom;
import faultline.engine.time.NodeClock;
import faultline.protocols.locks.ExpiryClock;
import faultline.protocols.locks.Fencing;
import faultline.protocols.locks.LockInvariants;
import faultline.protocols.locks.LockServiceConfig;
import faultline.protocols.locks.LockServiceNode;
import faultline.protocols.locks.StorageResourceNode;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Lease-based leader election, swept over seeds with random partitions of candidates from the
 * service, random pauses and slightly drifting clocks. A leader that checks its lease with a margin
 * larger than its drift never overlaps another; a leader that trusts its term until a renewal is
 * refused does, for some seed; and a requester-clock lease lets a fast clock steal it.
 */
class LeaseElectionSimTest {
  private static final NodeId LOCK = NodeId.of("lock");
  private static final NodeId STORAGE = NodeId.of("storage");
  private static final List<NodeId> CANDIDATES =
      List.of(NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3"));
  private static final int SEEDS = 30;

  private static RunOutcome run(
      long seed, ExpiryClock expiry, boolean checkLease, long marginNanos, boolean faults) {
    return run(seed, expiry, checkLease, marginNanos, faults, 0);
  }

  /** {@code n3AheadNanos}: how far n3's wall clock runs ahead of true time. */
  private static RunOutcome run(
      long seed,
      ExpiryClock expiry,
      boolean checkLease,
      long marginNanos,
      boolean faults,
      long n3AheadNanos) {
    LockServiceConfig service =
        new LockServiceConfig(expiry, 1, Fencing.REJECT_BELOW_HIGHEST, Set.of());
    TreeMap<NodeId, Long> campaignAt = new TreeMap<>();
    SimRandom setup = new SimRandom(seed ^ 0x1ea5e);
    for (NodeId candidate : CANDIDATES) {
      campaignAt.put(candidate, setup.nextLongBetween(0, 3 * SECOND));
    }
    LeaseElectionConfig config =
        new LeaseElectionConfig(
            LOCK,
            STORAGE,
            "leader",
            10 * SECOND,
            3 * SECOND,
            500 * MILLI,
            SECOND,
            checkLease,
            marginNanos,
            campaignAt);
    SimulationBuilder builder =
        Simulation.builder()
            .seed(seed)
            .network(
                new LinkPolicy(
                    Latency.uniform(MILLI, 10 * MILLI),
                    Ratio.of(1, 50),
                    Ratio.ZERO,
                    Ratio.ZERO,
                    false))
            .limits(Limits.of(60 * SECOND))
            .stopOnViolation(false)
            .node(LOCK, id -> new LockServiceNode(service))
            .node(STORAGE, id -> new StorageResourceNode(service));
    for (NodeId candidate : CANDIDATES) {
      builder.node(candidate, id -> new LeaderNode(config));
      long offsetNanos = candidate.name().equals("n3") ? n3AheadNanos : 0;
      builder.clock(
          candidate, new NodeClock(offsetNanos, setup.nextLongBetween(-1_000_000, 1_000_000)));
    }
    if (faults) {
      for (int i = 0; i < 3; i++) {
        NodeId victim = CANDIDATES.get(setup.nextInt(CANDIDATES.size()));
        long atNanos = setup.nextLongBetween(2 * SECOND, 40 * SECOND);
        long forNanos = setup.nextLongBetween(SECOND, 15 * SECOND);
        builder.fault(new ScheduledFault(atNanos, new Fault.Block(victim, LOCK)));
        builder.fault(new ScheduledFault(atNanos, new Fault.Block(LOCK, victim)));
        builder.fault(new ScheduledFault(atNanos + forNanos, new Fault.Unblock(victim, LOCK)));
        builder.fault(new ScheduledFault(atNanos + forNanos, new Fault.Unblock(LOCK, victim)));
      }
      NodeId paused = CANDIDATES.get(setup.nextInt(CANDIDATES.size()));
      builder.fault(
          new ScheduledFault(
              setup.nextLongBetween(0, 40 * SECOND),
              new Fault.Pause(paused, setup.nextLongBetween(SECOND, 15 * SECOND))));
    }
    LeaseInvariants.all().forEach(builder::invariant);
    return builder.build().run();
  }

  private static List<String> violated(RunOutcome outcome) {
    return outcome.violations().stream().map(Violation::invariant).distinct().toList();
  }

  @Test
  void aLeaderThatChecksItsLeaseWithAMarginNeverOverlapsAnother() {
    long terms = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      RunOutcome outcome = run(seed, ExpiryClock.MONOTONIC, true, 100 * MILLI, true);
      assertThat(outcome.violations()).as("seed %d", seed).isEmpty();
      terms += outcome.metrics().getOrDefault("leases.terms", 0L);
    }
    assertThat(terms).as("the faults must force changes of leader").isGreaterThan(SEEDS);
  }

  @Test
  void aLeaderThatNeverChecksItsLeaseOverlapsTheNextForSomeSeed() {
    int caught = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<String> violated = violated(run(seed, ExpiryClock.MONOTONIC, false, 0, true));
      assertThat(violated).as("seed %d", seed).doesNotContain(LockInvariants.MUTUAL_EXCLUSION);
      caught += violated.contains(LeaseInvariants.SINGLE_LEADER) ? 1 : 0;
    }
    assertThat(caught).isPositive();
  }

  @Test
  void aRequesterClockFifteenSecondsAheadStealsAHeldLeaseAndTheServiceClockDoesNot() {
    for (long seed = 1; seed <= 5; seed++) {
      RunOutcome stolen = run(seed, ExpiryClock.REQUESTER_WALL, true, 0, false, 15 * SECOND);
      assertThat(violated(stolen))
          .as("seed %d", seed)
          .contains(LockInvariants.MUTUAL_EXCLUSION, LeaseInvariants.SINGLE_LEADER);
      Violation twoLeaders =
          stolen.violations().stream()
              .filter(v -> v.invariant().equals(LeaseInvariants.SINGLE_LEADER))
              .findFirst()
              .orElseThrow();
      assertThat(twoLeaders.message()).contains("n3 (token").contains(" and ");
      assertThat(run(seed, ExpiryClock.MONOTONIC, true, 0, false, 15 * SECOND).violations())
          .as("seed %d, judged by the service's clock", seed)
          .isEmpty();
    }
  }
}
