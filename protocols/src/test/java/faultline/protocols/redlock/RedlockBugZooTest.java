package faultline.protocols.redlock;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Redlock's bug zoo. Each test runs a timeline twice, honest and with one planted mistake: the
 * honest run must hold and the planted one must be caught, naming both holders.
 */
class RedlockBugZooTest {
  private static final NodeId CLIENT1 = NodeId.of("client1");
  private static final NodeId CLIENT2 = NodeId.of("client2");
  private static final NodeId CLIENT3 = NodeId.of("client3");

  /** client1 is paused while its five OK replies are in flight; client2 takes the keys. */
  private static RunOutcome pausedReplies(Set<RedlockBug> bugs) {
    RedlockConfig config =
        RedlockRuns.config(
            List.of(
                new RedlockConfig.Client(CLIENT1, 10 * MILLI, SECOND),
                new RedlockConfig.Client(CLIENT2, 10_500 * MILLI, 2 * SECOND)),
            StoreClock.WALL,
            bugs);
    return RedlockRuns.run(
        5,
        config,
        16 * SECOND,
        List.of(new ScheduledFault(11 * MILLI, new Fault.Pause(CLIENT1, 12 * SECOND))),
        List.of());
  }

  @Test
  void theElapsedTimeStepDiscardsStaleGrants() {
    RunOutcome outcome = pausedReplies(Set.of());
    assertThat(outcome.violations()).isEmpty();
    assertThat(outcome.metrics()).containsKey("redlock.failed.expired-before-use");
  }

  @Test
  void aClientThatIgnoresElapsedTimeIsCaught() {
    RunOutcome outcome = pausedReplies(Set.of(RedlockBug.VALIDITY_IGNORES_ELAPSED));
    Violation first = outcome.violations().getFirst();
    assertThat(first.invariant()).isEqualTo(RedlockInvariants.MUTUAL_EXCLUSION);
    assertThat(first.message()).contains("client1 acquired", "while client2 still holds it");
  }

  /**
   * client1 is paused past its validity; client2 takes the lock; client1 wakes, sees its validity
   * is gone and releases everywhere. A plain DEL then removes client2's keys, and client3 gets the
   * lock while client2 still holds it.
   */
  private static RunOutcome releaseAfterPause(Set<RedlockBug> bugs) {
    RedlockConfig config =
        RedlockRuns.config(
            List.of(
                new RedlockConfig.Client(CLIENT1, 0, SECOND),
                new RedlockConfig.Client(CLIENT2, 10_500 * MILLI, 5 * SECOND),
                new RedlockConfig.Client(CLIENT3, 12 * SECOND, SECOND)),
            StoreClock.WALL,
            bugs);
    return RedlockRuns.run(
        9,
        config,
        20 * SECOND,
        List.of(new ScheduledFault(500 * MILLI, new Fault.Pause(CLIENT1, 11 * SECOND))),
        List.of());
  }

  @Test
  void compareAndDeleteKeepsAnotherClientsLock() {
    assertThat(releaseAfterPause(Set.of()).violations()).isEmpty();
  }

  @Test
  void aStoreThatDeletesWithoutComparingIsCaught() {
    RunOutcome outcome = releaseAfterPause(Set.of(RedlockBug.DELETE_WITHOUT_COMPARE));
    Violation first = outcome.violations().getFirst();
    assertThat(first.invariant()).isEqualTo(RedlockInvariants.MUTUAL_EXCLUSION);
    assertThat(first.message()).contains("client3 acquired", "while client2 still holds it");
  }
}
