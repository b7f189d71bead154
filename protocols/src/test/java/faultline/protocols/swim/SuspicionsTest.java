package faultline.protocols.swim;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lifeguard's dynamic suspicion timeout against hashicorp/memberlist's own test vectors ({@code
 * suspicion_test.go}, {@code TestSuspicion_remainingSuspicionTime}).
 */
class SuspicionsTest {

  @Test
  void remainingTimeMatchesMemberlist() {
    long min = 2 * SECOND;
    long max = 30 * SECOND;
    assertThat(Suspicions.remainingNanos(0, 3, 0, min, max)).isEqualTo(30 * SECOND);
    assertThat(Suspicions.remainingNanos(1, 3, 2 * SECOND, min, max)).isEqualTo(14 * SECOND);
    assertThat(Suspicions.remainingNanos(2, 3, 3 * SECOND, min, max)).isEqualTo(4810 * MILLI);
    assertThat(Suspicions.remainingNanos(3, 3, 4 * SECOND, min, max)).isEqualTo(-2 * SECOND);
    assertThat(Suspicions.remainingNanos(4, 3, 5 * SECOND, min, max)).isEqualTo(-3 * SECOND);
    assertThat(Suspicions.remainingNanos(5, 3, 10 * SECOND, min, max)).isEqualTo(-8 * SECOND);
  }

  @Test
  void onlyNewIndependentConfirmationsShortenTheSuspicion() {
    SwimConfig config =
        SwimConfig.builder(SwimRuns.of(10).config().members().ids())
            .lifeguard(new Lifeguard(false, 8, true, false))
            .build();
    Suspicions suspicions = new Suspicions(10, true);
    long first = suspicions.start(3, 0, SwimRuns.n(1), 0, config, 10);
    assertThat(first).isEqualTo(6 * config.suspicionTimeoutNanos(10)); // Starts at the longest.

    assertThat(suspicions.confirm(3, 0, SwimRuns.n(1), SECOND)).isEqualTo(Suspicions.NO_CHANGE);
    assertThat(suspicions.confirm(3, 1, SwimRuns.n(2), SECOND)).isEqualTo(Suspicions.NO_CHANGE);
    long afterOne = suspicions.confirm(3, 0, SwimRuns.n(2), SECOND);
    assertThat(afterOne).isLessThan(first - SECOND).isPositive();
    assertThat(suspicions.confirm(3, 0, SwimRuns.n(2), SECOND)).isEqualTo(Suspicions.NO_CHANGE);
    suspicions.confirm(3, 0, SwimRuns.n(4), SECOND);
    assertThat(suspicions.confirmations(3)).isEqualTo(2);
    assertThat(suspicions.confirm(3, 0, SwimRuns.n(5), SECOND)).isEqualTo(Suspicions.NO_CHANGE);
  }
}
