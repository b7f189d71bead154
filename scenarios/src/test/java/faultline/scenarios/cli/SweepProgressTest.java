package faultline.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sweep's live line: seeds, failures, speed and the time left at that speed. */
class SweepProgressTest {
  @Test
  void saysSeedsFailuresSpeedAndTimeLeft() {
    assertThat(SweepProgress.describe("raft/random-faults", 120, 1000, 2, 4_000_000_000L))
        .isEqualTo(
            "sweep raft/random-faults: 120 of 1,000 seeds, 2 failed, 30.0 seeds/s, ETA 30 s");
  }

  @Test
  void anEtaBeforeTheFirstSeedIsUnknown() {
    assertThat(SweepProgress.describe("x", 0, 10, 0, 2_000_000_000L)).endsWith("ETA unknown");
  }

  @Test
  void longEtasInMinutesAndHours() {
    assertThat(SweepProgress.duration(250)).isEqualTo("4 min 10 s");
    assertThat(SweepProgress.duration(7500)).isEqualTo("2 h 5 min");
  }
}
