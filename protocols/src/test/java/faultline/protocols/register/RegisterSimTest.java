package faultline.protocols.register;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Honest replicas, under loss, duplication, reordering, skew, drift, a pause, a crash and restart,
 * a partition and a backward clock jump, never violate a clock invariant, across many seeds
 * (-Dfaultline.seeds=N, default 64). Lamport and HLC last-writer-wins never lose a causally later
 * write; wall-clock last-writer-wins does.
 */
class RegisterSimTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, Long.getLong("faultline.seeds", 64));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void honestClocksHoldEveryInvariantUnderFaults(long seed) {
    RunOutcome outcome = RegisterRuns.run(seed, Timestamping.HLC, Set.of(), true);

    assertThat(outcome.violations()).as("seed %d", seed).isEmpty();
    assertThat(outcome.metrics().getOrDefault("register.writes", 0L)).isGreaterThan(50);
    assertThat(outcome.metrics().getOrDefault("register.lostUpdates.hlc", 0L)).isZero();
    assertThat(outcome.metrics().getOrDefault("register.lostUpdates.lamport", 0L)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Timestamping.class)
  void onlyWallClockLastWriterWinsLosesCausallyLaterWrites(Timestamping resolveBy) {
    long lost = 0;
    long violationsOfCausalLww = 0;
    for (long seed = 1; seed <= 16; seed++) {
      RunOutcome outcome = RegisterRuns.run(seed, resolveBy, Set.of(), false);
      lost +=
          outcome
              .metrics()
              .getOrDefault("register.lostUpdates." + resolveBy.name().toLowerCase(), 0L);
      violationsOfCausalLww +=
          outcome.violations().stream()
              .map(Violation::invariant)
              .filter(RegisterInvariants.CAUSAL_LWW::equals)
              .count();
    }
    if (resolveBy == Timestamping.WALL) {
      assertThat(lost).isPositive();
      assertThat(violationsOfCausalLww).isPositive();
    } else {
      assertThat(lost).isZero();
      assertThat(violationsOfCausalLww).isZero();
    }
  }
}
