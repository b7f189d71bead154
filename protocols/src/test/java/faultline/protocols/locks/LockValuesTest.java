package faultline.protocols.locks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two readings of fencing, and readable durations. */
class LockValuesTest {
  @Test
  void fencingModesDifferOnlyOnAnEqualToken() {
    assertThat(Fencing.OFF.rejects(33, 34)).isFalse();
    assertThat(Fencing.REJECT_BELOW_HIGHEST.rejects(33, 34)).isTrue();
    assertThat(Fencing.REJECT_BELOW_HIGHEST.rejects(34, 34)).isFalse();
    assertThat(Fencing.REJECT_AT_OR_BELOW_HIGHEST.rejects(34, 34)).isTrue();
    assertThat(Fencing.REJECT_AT_OR_BELOW_HIGHEST.rejects(35, 34)).isFalse();
  }

  @Test
  void durationsReadWell() {
    assertThat(TimeText.format(16_002_000_000L)).isEqualTo("16.002s");
    assertThat(TimeText.format(10_000_000_000L)).isEqualTo("10s");
    assertThat(TimeText.format(2_500_000L)).isEqualTo("2.5ms");
    assertThat(TimeText.format(1_234L)).isEqualTo("0.001ms");
    assertThat(TimeText.format(-1_500_000_000L)).isEqualTo("-1.5s");
  }
}
