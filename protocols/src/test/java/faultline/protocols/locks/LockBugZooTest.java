package faultline.protocols.locks;

import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import org.junit.jupiter.api.Test;

/**
 * The lock service's bug zoo, on Kleppmann's GC-pause timeline: each planted mistake must be caught
 * by the invariant that guards against it, and the honest run must pass, so the checkers are shown
 * able to fail and able to pass.
 */
class LockBugZooTest {
  @Test
  void anHonestFencedRunRejectsTokenThirtyThreeAndHolds() {
    RunOutcome outcome = LockRuns.gcPause(ExpiryClock.MONOTONIC, Fencing.REJECT_BELOW_HIGHEST);
    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics())
        .containsEntry(StaleWriteInvariant.ATTEMPTED, 1L)
        .containsEntry(StaleWriteInvariant.REJECTED, 1L)
        .containsEntry(StaleWriteInvariant.ACCEPTED, 0L);
  }

  @Test
  void withoutFencingThePausedClientsWriteIsCaught() {
    RunOutcome outcome = LockRuns.gcPause(ExpiryClock.MONOTONIC, Fencing.OFF);
    assertThat(invariants(outcome)).containsExactly(LockInvariants.NO_EXPIRED_WRITE);
    assertThat(outcome.violations().getFirst().message())
        .contains("client1's write with token 33", "token 34 was already accepted");
  }

  @Test
  void aServiceThatGrantsWithoutCheckingExpiryIsCaught() {
    RunOutcome outcome =
        LockRuns.gcPause(
            ExpiryClock.MONOTONIC,
            Fencing.REJECT_BELOW_HIGHEST,
            LockBug.GRANTS_WITHOUT_EXPIRY_CHECK);
    assertThat(invariants(outcome)).contains(LockInvariants.MUTUAL_EXCLUSION);
    assertThat(outcome.violations().getFirst().message())
        .contains("granted lock \"lock\" to client2 (token 34)", "client1's lease (token 33)");
  }

  @Test
  void aResourceThatForgetsTheHighestTokenIsCaught() {
    RunOutcome outcome =
        LockRuns.gcPause(
            ExpiryClock.MONOTONIC,
            Fencing.REJECT_BELOW_HIGHEST,
            LockBug.RESOURCE_FORGETS_HIGHEST_TOKEN);
    assertThat(invariants(outcome)).containsExactly(LockInvariants.NO_EXPIRED_WRITE);
    assertThat(outcome.metrics()).containsEntry(StaleWriteInvariant.ACCEPTED, 1L);
  }

  private static final java.util.List<ScheduledFault> CRASH_AND_RESTART =
      java.util.List.of(
          new ScheduledFault(3 * SECOND, new Fault.Crash(LockRuns.LOCK, false)),
          new ScheduledFault(4 * SECOND, new Fault.Restart(LockRuns.LOCK)));

  @Test
  void aRestartedServiceWaitsOutForgottenLeasesAndNeverReusesAToken() {
    RunOutcome outcome = LockRuns.serviceFaults(ExpiryClock.MONOTONIC, CRASH_AND_RESTART);
    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics()).containsEntry("locks.grants", 2L);
  }

  @Test
  void aServiceWhoseTokensAreNotDurableIsCaught() {
    RunOutcome outcome =
        LockRuns.serviceFaults(
            ExpiryClock.MONOTONIC, CRASH_AND_RESTART, LockBug.TOKENS_NOT_DURABLE);
    assertThat(invariants(outcome))
        .contains(LockInvariants.TOKENS_INCREASE, LockInvariants.MUTUAL_EXCLUSION);
    assertThat(outcome.violations())
        .anySatisfy(
            violation ->
                assertThat(violation.message())
                    .contains("granted token 33 to client2, but it had already granted token 33"));
  }

  @Test
  void expiryByTheServicesWallClockBreaksOnAForwardJumpAndMonotonicDoesNot() {
    java.util.List<ScheduledFault> jump =
        java.util.List.of(
            new ScheduledFault(3 * SECOND, new Fault.ClockJump(LockRuns.LOCK, 10 * SECOND)));
    assertThat(invariants(LockRuns.serviceFaults(ExpiryClock.WALL, jump)))
        .containsExactly(LockInvariants.MUTUAL_EXCLUSION);
    assertThat(LockRuns.serviceFaults(ExpiryClock.MONOTONIC, jump).violations()).isEmpty();
  }

  private static java.util.List<String> invariants(RunOutcome outcome) {
    return outcome.violations().stream().map(Violation::invariant).distinct().toList();
  }
}
