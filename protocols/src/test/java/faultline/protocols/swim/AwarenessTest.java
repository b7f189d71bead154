package faultline.protocols.swim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lifeguard's health score: clamped to [0, max), and the factor timeouts are scaled by. */
class AwarenessTest {
  @Test
  void theScoreStaysWithinZeroAndItsBoundLessOne() {
    Awareness awareness = new Awareness(8);
    assertThat(awareness.apply(-1)).as("already at 0").isFalse();
    assertThat(awareness.apply(5)).isTrue();
    assertThat(awareness.score()).isEqualTo(5);
    assertThat(awareness.apply(10)).isTrue();
    assertThat(awareness.score()).isEqualTo(7);
    assertThat(awareness.apply(1)).as("already at its most").isFalse();
    assertThat(awareness.apply(0)).isFalse();
  }

  @Test
  void timeoutsAreScaledByTheScorePlusOne() {
    // memberlist's ScaleTimeout: timeout * (score + 1).
    Awareness awareness = new Awareness(8);
    assertThat(awareness.scale(500)).isEqualTo(500);
    awareness.apply(3);
    assertThat(awareness.scale(500)).isEqualTo(2000);
  }
}
