package faultline.protocols.heartbeat;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The course's worked example of phi accrual: ten heartbeats one second apart, then silence, and
 * phi second by second (the table in the README's SWIM section). The intervals are all 1 s, so the
 * deviation is the 500 ms floor, and phi at t seconds of silence is -log10(1 - F((t - 1) / 0.5)).
 * How it is checked: the exact normal tail at 2, 4 and 6 deviations (0.0227501, 3.16712e-5 and
 * 9.86588e-10, from any normal table) against the detector's logistic approximation, which is
 * within 1.4e-4 of F everywhere but overstates phi far in the tail, and the moment phi passes 8.
 */
class PhiWorkedExampleTest {
  private static final double[] LOGISTIC_PHI_BY_SECOND = {
    0.301, 1.643, 4.737, 10.783, 21.242, 37.585, 61.283, 93.807, 136.629, 191.219
  };

  private static ArrivalWindow tenRegularHeartbeats() {
    ArrivalWindow window = new ArrivalWindow(100, 500 * MILLI, SECOND, 0);
    for (int beat = 1; beat <= 10; beat++) {
      window.heartbeat(beat * SECOND);
    }
    return window;
  }

  @Test
  void phiClimbsSecondBySecondOfSilenceAsTheTableSays() {
    ArrivalWindow window = tenRegularHeartbeats();
    long last = 10 * SECOND;
    for (int second = 1; second <= 10; second++) {
      assertThat(window.phi(last + second * SECOND))
          .as("phi after %d s of silence", second)
          .isCloseTo(LOGISTIC_PHI_BY_SECOND[second - 1], within(0.001));
    }
  }

  @Test
  void nearTheMeanItIsTheNormalTailAndFarOutItOverstatesIt() {
    ArrivalWindow window = tenRegularHeartbeats();
    long last = 10 * SECOND;
    assertThat(tail(window.phi(last + 2 * SECOND))).isCloseTo(0.0227501, within(1.4e-4));
    assertThat(tail(window.phi(last + 3 * SECOND))).isCloseTo(3.16712e-5, within(1.4e-4));
    // Six deviations out, the exact phi is 9.006; the approximation says 10.78.
    assertThat(-Math.log10(9.86588e-10)).isCloseTo(9.006, within(0.001));
    assertThat(window.phi(last + 4 * SECOND)).isGreaterThan(10.7);
  }

  @Test
  void withThresholdEightTheSenderIsSuspectedAboutThreePointSixSecondsAfterItsLastHeartbeat() {
    ArrivalWindow window = tenRegularHeartbeats();
    long last = 10 * SECOND;
    assertThat(window.phi(last + 3_610 * MILLI)).isLessThan(8);
    assertThat(window.phi(last + 3_615 * MILLI)).isGreaterThanOrEqualTo(8);
  }

  private static double tail(double phi) {
    return Math.pow(10, -phi);
  }
}
