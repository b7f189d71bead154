package faultline.scenarios.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import faultline.engine.random.SimRandom;
import org.junit.jupiter.api.Test;

/** The integrated broadcast time against closed forms and against sampling. */
class BroadcastTimeTest {
  @Test
  void oneFollowerTakesTheMeanRoundTrip() {
    assertThat(BroadcastTime.expectedMillis(4_000_000, 9_000_000, 1)).isCloseTo(13, within(1e-3));
  }

  @Test
  void aFixedDelayTakesTwiceIt() {
    assertThat(BroadcastTime.expectedMillis(5_000_000, 5_000_000, 4)).isEqualTo(10);
  }

  @Test
  void fourFollowersAgreeWithAMillionSampledBroadcasts() {
    SimRandom random = new SimRandom(20_140_619L);
    double sum = 0;
    int samples = 1_000_000;
    for (int i = 0; i < samples; i++) {
      double slowest = 0;
      for (int follower = 0; follower < 4; follower++) {
        double roundTrip = 4 + 5 * random.nextDouble() + 4 + 5 * random.nextDouble();
        slowest = Math.max(slowest, roundTrip);
      }
      sum += slowest;
    }
    // The sample mean's standard error is about 0.002 ms.
    assertThat(BroadcastTime.expectedMillis(4_000_000, 9_000_000, 4))
        .isCloseTo(sum / samples, within(0.01))
        .isCloseTo(15.1, within(0.05));
  }
}
