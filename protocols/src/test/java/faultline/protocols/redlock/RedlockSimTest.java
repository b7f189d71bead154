package faultline.protocols.redlock;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import faultline.engine.random.SimRandom;
import faultline.engine.time.NodeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Redlock under the assumptions antirez states (clocks that drift by less than the allowance and
 * never jump): three clients contend at random times, with random pauses; no two may ever believe
 * they hold the lock at once. Then the same sweep with a majority of the stores' clocks jumping
 * forward must break it for some seed when stores expire by the wall clock, and never when they use
 * a monotonic clock.
 */
class RedlockSimTest {
  private static final int SEEDS = 30;

  private static RunOutcome contention(long seed, StoreClock clock, boolean jump) {
    SimRandom setup = new SimRandom(seed ^ 0x4ed1);
    List<RedlockConfig.Client> clients = new ArrayList<>();
    List<NodeClock> clocks = new ArrayList<>();
    List<ScheduledFault> faults = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      NodeId node = NodeId.of("client" + i);
      clients.add(
          new RedlockConfig.Client(
              node, setup.nextLongBetween(0, 8 * SECOND), setup.nextLongBetween(0, 4 * SECOND)));
      clocks.add(new NodeClock(0, setup.nextLongBetween(-1_000_000, 1_000_000)));
      if (setup.nextInt(2) == 0) {
        faults.add(
            new ScheduledFault(
                setup.nextLongBetween(0, 8 * SECOND),
                new Fault.Pause(node, setup.nextLongBetween(100 * MILLI, 12 * SECOND))));
      }
    }
    if (jump) {
      // A bad NTP step on a majority of the stores (three of five, from a random one on), so
      // that a lock held everywhere can be lost without any partition.
      int first = setup.nextInt(RedlockRuns.STORES.size());
      long atNanos = setup.nextLongBetween(SECOND, 8 * SECOND);
      for (int k = 0; k < 3; k++) {
        NodeId store = RedlockRuns.STORES.get((first + k) % RedlockRuns.STORES.size());
        faults.add(new ScheduledFault(atNanos, new Fault.ClockJump(store, 12 * SECOND)));
      }
    }
    faults.sort(java.util.Comparator.comparingLong(ScheduledFault::atNanos));
    RedlockConfig config = RedlockRuns.config(clients, clock, Set.of());
    return RedlockRuns.run(seed, config, 30 * SECOND, faults, clocks);
  }

  @ParameterizedTest(name = "stores expire by {0}")
  @EnumSource(StoreClock.class)
  void withoutClockJumpsNoTwoClientsHoldTheLock(StoreClock clock) {
    long acquired = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      RunOutcome outcome = contention(seed, clock, false);
      assertThat(outcome.violations())
          .as("seed %d", seed)
          .noneMatch(v -> v.invariant().equals(RedlockInvariants.MUTUAL_EXCLUSION));
      acquired += outcome.metrics().getOrDefault("redlock.acquired", 0L);
    }
    assertThat(acquired).as("the sweep must acquire the lock").isGreaterThan(SEEDS);
  }

  @org.junit.jupiter.api.Test
  void aWallClockJumpBreaksMutualExclusionForSomeSeedAndAMonotonicStoreIsImmune() {
    int broken = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      boolean violated =
          contention(seed, StoreClock.WALL, true).violations().stream()
              .anyMatch(v -> v.invariant().equals(RedlockInvariants.MUTUAL_EXCLUSION));
      broken += violated ? 1 : 0;
      assertThat(contention(seed, StoreClock.MONOTONIC, true).violations())
          .as("seed %d, monotonic stores", seed)
          .noneMatch(v -> v.invariant().equals(RedlockInvariants.MUTUAL_EXCLUSION));
    }
    assertThat(broken).isPositive();
  }
}
