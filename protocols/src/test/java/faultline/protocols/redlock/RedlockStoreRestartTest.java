package faultline.protocols.redlock;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Redlock stores that crash and restart, with perfect clocks and no pauses: three clients contend
 * while random stores crash (some losing their unsynced writes) and come back after a random
 * outage. Without persistence ({@link StoreRestart#IMMEDIATE}) a restarted store has forgotten the
 * key it granted and two clients hold the lock for some seed; with either of antirez's remedies,
 * delayed restarts or fsync, no seed breaks either invariant, and clients still get the lock.
 */
class RedlockStoreRestartTest {
  private static final int SEEDS = 40;

  private static RunOutcome contention(long seed, StoreRestart restart) {
    SimRandom setup = new SimRandom(seed ^ 0x5707e);
    List<RedlockConfig.Client> clients = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      clients.add(
          new RedlockConfig.Client(
              NodeId.of("client" + i),
              setup.nextLongBetween(0, 6 * SECOND),
              setup.nextLongBetween(SECOND, 6 * SECOND)));
    }
    List<ScheduledFault> faults = new ArrayList<>();
    for (NodeId store : RedlockRuns.STORES) {
      if (setup.nextInt(2) == 0) {
        long crashNanos = setup.nextLongBetween(100 * MILLI, 8 * SECOND);
        long downNanos = setup.nextLongBetween(10 * MILLI, 2 * SECOND);
        boolean loseUnsynced = setup.nextInt(2) == 0;
        faults.add(new ScheduledFault(crashNanos, new Fault.Crash(store, loseUnsynced)));
        faults.add(new ScheduledFault(crashNanos + downNanos, new Fault.Restart(store)));
      }
    }
    faults.sort(Comparator.comparingLong(ScheduledFault::atNanos));
    RedlockConfig config = RedlockRuns.config(clients, StoreClock.MONOTONIC, Set.of(), restart);
    return RedlockRuns.run(seed, config, 30 * SECOND, faults, List.of());
  }

  @Test
  void aStoreThatForgetsItsKeysLetsTwoClientsHoldTheLockForSomeSeed() {
    int broken = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      broken +=
          contention(seed, StoreRestart.IMMEDIATE).violations().stream()
                  .anyMatch(v -> v.invariant().equals(RedlockInvariants.MUTUAL_EXCLUSION))
              ? 1
              : 0;
    }
    assertThat(broken).isPositive();
  }

  @ParameterizedTest(name = "storeRestart {0}")
  @EnumSource(
      value = StoreRestart.class,
      names = {"DELAYED", "FSYNC"})
  void delayedRestartsAndFsyncKeepEveryInvariant(StoreRestart restart) {
    long acquired = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      RunOutcome outcome = contention(seed, restart);
      assertThat(outcome.violations())
          .as("seed %d: %s", seed, outcome.violations().stream().map(Violation::message).toList())
          .isEmpty();
      acquired += outcome.metrics().getOrDefault("redlock.acquired", 0L);
    }
    assertThat(acquired).as("the sweep must acquire the lock").isGreaterThan(SEEDS);
  }

  /**
   * client1 locks A, B and C (it cannot reach D and E), then C crashes and is still down when
   * client1 writes. Whether the lock still stands depends on what C will come back with: nothing
   * without persistence (the write is under a lock that is gone), a refusal of every SET with
   * delayed restarts, the key itself with fsync.
   */
  @ParameterizedTest(name = "storeRestart {0}")
  @EnumSource(StoreRestart.class)
  void aStoreThatIsDownStandsForWhatItWillComeBackWith(StoreRestart restart) {
    NodeId client = NodeId.of("client1");
    RedlockConfig config =
        RedlockRuns.config(
            List.of(new RedlockConfig.Client(client, 0, 3 * SECOND)),
            StoreClock.MONOTONIC,
            Set.of(),
            restart);
    List<ScheduledFault> faults =
        List.of(
            new ScheduledFault(0, new Fault.Block(client, NodeId.of("D"))),
            new ScheduledFault(0, new Fault.Block(client, NodeId.of("E"))),
            new ScheduledFault(SECOND, new Fault.Crash(NodeId.of("C"), true)),
            new ScheduledFault(6 * SECOND, new Fault.Restart(NodeId.of("C"))));
    RunOutcome outcome = RedlockRuns.run(1, config, 8 * SECOND, faults, List.of());
    assertThat(outcome.metrics()).containsEntry("resource.writes.accepted", 1L);
    List<String> violated = outcome.violations().stream().map(Violation::invariant).toList();
    if (restart == StoreRestart.IMMEDIATE) {
      assertThat(violated).containsExactly(RedlockInvariants.NO_EXPIRED_WRITE);
    } else {
      assertThat(violated).isEmpty();
    }
  }
}
