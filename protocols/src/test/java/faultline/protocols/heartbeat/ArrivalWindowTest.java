package faultline.protocols.heartbeat;

import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** phi against the normal distribution's own tail, and the window's memory. */
class ArrivalWindowTest {

  @Test
  void phiIsMinusLogTenOfTheNormalTail() {
    // 1 - Phi(0) = 0.5, 1 - Phi(1) = 0.15866, 1 - Phi(3) = 0.0013499 (any normal table); the
    // logistic approximation of Phi is within 1.4e-4 of it everywhere.
    assertThat(ArrivalWindow.phi(SECOND, SECOND, 0.1 * SECOND)).isCloseTo(0.30103, within(0.001));
    assertThat(tail(ArrivalWindow.phi(1.1 * SECOND, SECOND, 0.1 * SECOND)))
        .isCloseTo(0.15866, within(1.4e-4));
    assertThat(tail(ArrivalWindow.phi(1.3 * SECOND, SECOND, 0.1 * SECOND)))
        .isCloseTo(0.0013499, within(1.4e-4));
    assertThat(ArrivalWindow.phi(0, SECOND, 0.1 * SECOND)).isCloseTo(0, within(1e-6));
    assertThat(ArrivalWindow.phi(100.0 * SECOND, SECOND, 0.1 * SECOND)).isInfinite();
  }

  /** The chance, as phi gives it, that the heartbeat is still to come. */
  private static double tail(double phi) {
    return Math.pow(10, -phi);
  }

  @Test
  void theLeastStandardDeviationKeepsARegularSenderFromBeingAccusedAtOnce() {
    ArrivalWindow window = new ArrivalWindow(100, SECOND / 2, SECOND, 0);
    for (int beat = 1; beat <= 50; beat++) {
      window.heartbeat(beat * SECOND); // Perfectly regular: the measured deviation is 0.
    }
    long last = 50 * SECOND;
    assertThat(window.phi(last + SECOND + SECOND / 10)).isLessThan(1);
    // With a 500 ms least deviation, phi reaches 8 about 5.6 deviations past the mean.
    assertThat(window.phi(last + 3 * SECOND)).isLessThan(8);
    assertThat(window.phi(last + 4 * SECOND)).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theWindowForgetsTheOldestIntervals() {
    ArrivalWindow window = new ArrivalWindow(3, 1, SECOND, 0);
    long now = 0;
    for (int beat = 0; beat < 10; beat++) {
      now += 10 * SECOND; // Slow heartbeats first...
      window.heartbeat(now);
    }
    for (int beat = 0; beat < 3; beat++) {
      now += SECOND; // ...then three fast ones fill the window of three.
      window.heartbeat(now);
    }
    assertThat(window.phi(now + 2 * SECOND)).isInfinite(); // Mean 1 s, deviation 1 ns.
  }
}
