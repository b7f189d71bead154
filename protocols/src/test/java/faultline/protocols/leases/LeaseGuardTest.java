package faultline.protocols.leases;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.Limits;
import faultline.engine.RunOutcome;
import faultline.engine.Simulation;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.protocols.leases.LeaseGuard.Lease;
import faultline.protocols.leases.LeaseGuard.Now;
import faultline.protocols.locks.ExpiryClock;
import faultline.protocols.locks.Fencing;
import faultline.protocols.locks.LockServiceConfig;
import faultline.protocols.locks.LockServiceNode;
import faultline.protocols.locks.StorageResourceNode;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The leader asks its {@link LeaseGuard} at the three points it promises, and obeys it. */
class LeaseGuardTest {
  private static final NodeId LOCK = NodeId.of("lock");
  private static final NodeId STORAGE = NodeId.of("storage");
  private static final NodeId N1 = NodeId.of("n1");

  /** One candidate, a 10 s lease renewed every 3 s, a write every 500 ms, for {@code runNanos}. */
  private static RunOutcome run(Supplier<LeaseGuard> guard, long runNanos) {
    LockServiceConfig service =
        new LockServiceConfig(ExpiryClock.MONOTONIC, 1, Fencing.OFF, Set.of());
    TreeMap<NodeId, Long> campaignAt = new TreeMap<>();
    campaignAt.put(N1, 0L);
    LeaseElectionConfig config =
        new LeaseElectionConfig(
            LOCK,
            STORAGE,
            "leader",
            10 * SECOND,
            3 * SECOND,
            500 * MILLI,
            SECOND,
            true,
            0,
            campaignAt);
    return Simulation.builder()
        .seed(1)
        .network(new LinkPolicy(Latency.constant(MILLI), Ratio.ZERO, Ratio.ZERO, Ratio.ZERO, false))
        .limits(Limits.of(runNanos))
        .node(LOCK, id -> new LockServiceNode(service))
        .node(STORAGE, id -> new StorageResourceNode(service))
        .node(N1, id -> new LeaderNode(config, guard.get()))
        .build()
        .run();
  }

  private static long metric(RunOutcome outcome, String name) {
    return outcome.metrics().getOrDefault(name, 0L);
  }

  @Test
  void aGuardThatSaysNoBeforeAWriteStopsThatWrite() {
    RunOutcome acting = run(() -> new FixedGuard(LeaseGuard.NO_TIMER, true, false), 5 * SECOND);
    RunOutcome refused = run(() -> new FixedGuard(LeaseGuard.NO_TIMER, false, false), 5 * SECOND);

    assertThat(metric(acting, "leases.leaderWrites")).isEqualTo(9);
    assertThat(metric(refused, "leases.leaderWrites")).isZero();
    assertThat(metric(refused, "leases.terms")).as("it campaigns again").isGreaterThan(1);
  }

  @Test
  void theTimerTheGuardAsksForStepsTheLeaderDown() {
    RunOutcome timed = run(() -> new FixedGuard(2 * SECOND, true, true), 5 * SECOND);
    RunOutcome noTimer = run(() -> new FixedGuard(LeaseGuard.NO_TIMER, true, true), 5 * SECOND);

    assertThat(metric(timed, "leases.terms")).isGreaterThan(1);
    assertThat(metric(noTimer, "leases.terms")).isEqualTo(1);
  }

  @Test
  void theConfiguredGuardCountsFromTheRequestWithItsMargin() {
    LeaseGuard checking = new ConfiguredLeaseGuard(true, SECOND);
    long delay = checking.granted(new Lease(100 * SECOND, 0, 10 * SECOND), at(102 * SECOND));

    assertThat(delay).isEqualTo(7 * SECOND);
    assertThat(checking.mayAct(at(109 * SECOND - 1))).isTrue();
    assertThat(checking.mayAct(at(109 * SECOND))).isFalse();
    assertThat(checking.stepDownWhenTimerFires(at(109 * SECOND))).isTrue();

    LeaseGuard trusting = new ConfiguredLeaseGuard(false, SECOND);
    assertThat(trusting.granted(new Lease(0, 0, 10 * SECOND), at(0)))
        .isEqualTo(LeaseGuard.NO_TIMER);
    assertThat(trusting.mayAct(at(Long.MAX_VALUE))).isTrue();
  }

  private static Now at(long monoNanos) {
    return new Now(monoNanos, monoNanos);
  }

  /** Answers the same whatever it is told. */
  private record FixedGuard(long delayNanos, boolean mayAct, boolean stepDownOnTimer)
      implements LeaseGuard {
    @Override
    public long granted(Lease lease, Now arrival) {
      return delayNanos;
    }

    @Override
    public boolean mayAct(Now now) {
      return mayAct;
    }

    @Override
    public boolean stepDownWhenTimerFires(Now now) {
      return stepDownOnTimer;
    }
  }
}
