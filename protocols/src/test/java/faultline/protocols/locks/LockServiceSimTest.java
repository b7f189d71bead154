package faultline.protocols.locks;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded contention with pauses, loss and drifting client clocks: an honest service with a
 * monotonic clock never has two valid leases, and with fencing on the storage never accepts a write
 * that a newer lease has overtaken, whatever the clients do. Without fencing, some seed must show
 * the failure, or the sweep proves nothing.
 */
class LockServiceSimTest {
  private static final int SEEDS = 40;

  @ParameterizedTest(name = "fencing {0}")
  @ValueSource(strings = {"REJECT_BELOW_HIGHEST", "REJECT_AT_OR_BELOW_HIGHEST"})
  void fencedStorageNeverAcceptsAnOvertakenWrite(Fencing fencing) {
    long rejected = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      RunOutcome outcome = LockRuns.contention(seed, fencing, false);
      assertThat(outcome.violations()).as("seed %d", seed).isEmpty();
      rejected += outcome.metrics().getOrDefault(StaleWriteInvariant.REJECTED, 0L);
    }
    assertThat(rejected).as("the sweep must contain stale writes to reject").isPositive();
  }

  @org.junit.jupiter.api.Test
  void withoutFencingSomeSeedAcceptsAStaleWriteButLeasesNeverOverlap() {
    int caught = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      RunOutcome outcome = LockRuns.contention(seed, Fencing.OFF, false);
      assertThat(outcome.violations())
          .as("seed %d", seed)
          .allMatch(violation -> violation.invariant().equals(LockInvariants.NO_EXPIRED_WRITE));
      caught += outcome.violations().isEmpty() ? 0 : 1;
    }
    assertThat(caught).isPositive();
  }
}
