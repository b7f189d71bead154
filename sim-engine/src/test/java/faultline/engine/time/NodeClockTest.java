package faultline.engine.time;

import static faultline.engine.time.Nanos.MILLI;
import static faultline.engine.time.Nanos.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.testing.Trials;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * A node's clocks as functions of true time. How it works: readings are compared with values worked
 * out by hand (100 ppm fast over 10 s is 1 ms ahead) and, in the generated cases, with an exact
 * {@link BigInteger} model of {@code reading = anchor + elapsed + floor(elapsed * drift / 10^9)};
 * timer conversions are checked by reading the clock back at the true instant a timer would fire.
 */
class NodeClockTest {
  private static final long DAY = 86_400 * SECOND;

  @Test
  void aPerfectClockReadsTrueTime() {
    NodeClock clock = NodeClock.perfect();
    for (long t : new long[] {0, 1, 999, 5 * SECOND, 400 * DAY}) {
      assertThat(clock.wallNanos(t)).isEqualTo(t);
      assertThat(clock.monotonicNanos(t)).isEqualTo(t);
      assertThat(clock.offsetNanos(t)).isZero();
    }
    assertThat(clock.trueDurationOf(123_456_789)).isEqualTo(123_456_789);
  }

  @Test
  void anInitialOffsetShiftsTheWallClockOnly() {
    NodeClock clock = new NodeClock(250 * MILLI, 0);
    assertThat(clock.wallNanos(0)).isEqualTo(250 * MILLI);
    assertThat(clock.wallNanos(3 * SECOND)).isEqualTo(3 * SECOND + 250 * MILLI);
    assertThat(clock.offsetNanos(3 * SECOND)).isEqualTo(250 * MILLI);
    assertThat(clock.monotonicNanos(3 * SECOND)).isEqualTo(3 * SECOND);
  }

  @Test
  void aHundredPpmFastClockGainsOneMillisecondInTenSeconds() {
    NodeClock clock = new NodeClock(0, 100_000); // +100 ppm = +100,000 ppb.
    assertThat(clock.wallNanos(10 * SECOND)).isEqualTo(10 * SECOND + MILLI);
    assertThat(clock.monotonicNanos(10 * SECOND)).isEqualTo(10 * SECOND + MILLI);
    assertThat(clock.offsetNanos(10 * SECOND)).isEqualTo(MILLI);
  }

  @Test
  void aSlowClockLosesTimeAndFloorsPartialNanoseconds() {
    NodeClock clock = new NodeClock(0, -100_000);
    assertThat(clock.wallNanos(10 * SECOND)).isEqualTo(10 * SECOND - MILLI);
    // 15 ns at -100 ppm is 14.9985 ns: the reading is floored to 14.
    assertThat(clock.monotonicNanos(15)).isEqualTo(14);
  }

  @Test
  void aDriftChangeReanchorsAtTheInstantItHappens() {
    NodeClock clock = new NodeClock(0, 100_000);
    clock.setDrift(10 * SECOND, -200_000); // 1 ms ahead at 10 s, then 200 ppm slow.
    assertThat(clock.driftPpb()).isEqualTo(-200_000);
    assertThat(clock.wallNanos(10 * SECOND))
        .as("no jump at the change")
        .isEqualTo(10 * SECOND + MILLI);
    // Another 10 s at -200 ppm loses 2 ms: 1 ms ahead becomes 1 ms behind.
    assertThat(clock.wallNanos(20 * SECOND)).isEqualTo(20 * SECOND - MILLI);
    assertThat(clock.monotonicNanos(20 * SECOND)).isEqualTo(20 * SECOND - MILLI);
    // Readings before the change still follow the old rate from the anchor backwards.
    assertThat(clock.monotonicNanos(10 * SECOND)).isEqualTo(10 * SECOND + MILLI);
  }

  @Test
  void aForwardJumpMovesTheWallClockOnly() {
    NodeClock clock = new NodeClock(0, 0);
    clock.jump(2 * SECOND, 500 * MILLI);
    assertThat(clock.wallNanos(2 * SECOND)).isEqualTo(2 * SECOND + 500 * MILLI);
    assertThat(clock.wallNanos(3 * SECOND)).isEqualTo(3 * SECOND + 500 * MILLI);
    assertThat(clock.monotonicNanos(3 * SECOND)).isEqualTo(3 * SECOND);
  }

  @Test
  void aBackwardJumpMakesTheWallClockReadEarlierButNotTheMonotonicClock() {
    NodeClock clock = new NodeClock(0, 50_000);
    long before = clock.wallNanos(5 * SECOND);
    long monotonicBefore = clock.monotonicNanos(5 * SECOND);
    clock.jump(5 * SECOND, -2 * SECOND);
    assertThat(clock.wallNanos(5 * SECOND)).isEqualTo(before - 2 * SECOND);
    assertThat(clock.wallNanos(5 * SECOND + 1)).isLessThan(before);
    assertThat(clock.monotonicNanos(5 * SECOND)).isEqualTo(monotonicBefore);
    assertThat(clock.driftPpb()).as("a jump keeps the rate").isEqualTo(50_000);
  }

  @Test
  void setOffsetSetsTheWallReadingNowWhateverCameBefore() {
    NodeClock clock = new NodeClock(7 * MILLI, 100_000);
    clock.jump(SECOND, 3 * MILLI);
    clock.setOffset(4 * SECOND, -30 * MILLI);
    assertThat(clock.wallNanos(4 * SECOND)).isEqualTo(4 * SECOND - 30 * MILLI);
    assertThat(clock.offsetNanos(4 * SECOND)).isEqualTo(-30 * MILLI);
    assertThat(clock.monotonicNanos(4 * SECOND)).isEqualTo(4 * SECOND + 400_000);
  }

  @Test
  void theMonotonicClockNeverGoesBackwardsWhateverTheFaults() {
    Trials.forAll(
        "monotonic readings never decrease",
        500,
        case_ -> {
          NodeClock clock = new NodeClock(case_.nextLong(-SECOND, SECOND), drift(case_));
          long t = 0;
          long lastMonotonic = clock.monotonicNanos(0);
          for (int i = 0; i < 50; i++) {
            t += case_.nextLong(0, 2 * SECOND);
            switch (case_.nextInt(4)) {
              case 0 -> clock.jump(t, case_.nextLong(-10 * SECOND, 10 * SECOND));
              case 1 -> clock.setDrift(t, drift(case_));
              case 2 -> clock.setOffset(t, case_.nextLong(-10 * SECOND, 10 * SECOND));
              default -> {}
            }
            long monotonic = clock.monotonicNanos(t);
            assertThat(monotonic).isGreaterThanOrEqualTo(lastMonotonic);
            lastMonotonic = monotonic;
          }
        });
  }

  @Test
  void readingsMatchAnExactModelForAnyDriftAndElapsedTime() {
    Trials.forAll(
        "reading = offset + t + floor(t * drift / 1e9)",
        1_000,
        case_ -> {
          long drift = drift(case_);
          long offset = case_.nextLong(-DAY, DAY);
          long t = Trials.edgy(case_, 0, 3_000 * DAY); // About eight years.
          NodeClock clock = new NodeClock(offset, drift);
          assertThat(clock.monotonicNanos(t)).isEqualTo(exactScaled(t, drift));
          assertThat(clock.wallNanos(t)).isEqualTo(offset + exactScaled(t, drift));
        });
  }

  @Test
  void daysOfRunningDoNotOverflow() {
    NodeClock fast = new NodeClock(0, NodeClock.DRIFT_PPB_LIMIT);
    NodeClock slow = new NodeClock(0, -NodeClock.DRIFT_PPB_LIMIT);
    long t = 10_000 * DAY; // 27 years, 8.6e17 ns.
    assertThat(fast.monotonicNanos(t)).isEqualTo(t + t / 2);
    assertThat(slow.monotonicNanos(t)).isEqualTo(t - t / 2);
    NodeClock ppm = new NodeClock(0, 123_456);
    ppm.setDrift(365 * DAY, -98_765);
    assertThat(ppm.monotonicNanos(730 * DAY))
        .isEqualTo(exactScaled(365 * DAY, 123_456) + exactScaled(365 * DAY, -98_765));
    assertThat(ppm.trueDurationOf(30 * DAY)).isPositive();
  }

  @Test
  void aTimerOnAFastClockTakesLessTrueTime() {
    NodeClock clock = new NodeClock(0, 100_000);
    // 10 ms local at +100 ppm is 10 ms / 1.0001 = 9,999,000.09... ns, rounded up.
    assertThat(clock.trueDurationOf(10 * MILLI)).isEqualTo(9_999_001);
    assertThat(new NodeClock(0, -100_000).trueDurationOf(10 * MILLI)).isEqualTo(10_001_001);
    assertThat(clock.trueDurationOf(0)).isZero();
  }

  @Test
  void trueDurationOfIsTheSmallestTrueTimeThatReachesTheLocalDuration() {
    Trials.forAll(
        "trueDurationOf inverts the clock's scaling, rounded up, within 1 ns",
        1_000,
        case_ -> {
          long drift = drift(case_);
          long local = Trials.edgy(case_, 0, 5_000 * DAY);
          NodeClock clock = new NodeClock(0, drift);
          long trueNanos = clock.trueDurationOf(local);
          long reached = clock.monotonicNanos(trueNanos);
          assertThat(reached).as("never early").isGreaterThanOrEqualTo(local);
          assertThat(reached - local).as("at most 1 ns late").isLessThanOrEqualTo(1);
          if (trueNanos > 0) {
            assertThat(clock.monotonicNanos(trueNanos - 1)).as("smallest").isLessThan(local);
          }
        });
  }

  @Test
  void aTimerArmedAtAnyInstantNeverFiresBeforeItsLocalDeadline() {
    Trials.forAll(
        "mono(t0 + trueDurationOf(d)) - mono(t0) >= d",
        1_000,
        case_ -> {
          NodeClock clock = new NodeClock(0, drift(case_));
          long changeAt = case_.nextLong(0, DAY);
          clock.setDrift(changeAt, drift(case_)); // The anchor is no longer at zero.
          long armedAt = changeAt + case_.nextLong(0, DAY);
          long local = Trials.edgy(case_, 0, DAY);
          long firesAt = armedAt + clock.trueDurationOf(local);
          long elapsedLocal = clock.monotonicNanos(firesAt) - clock.monotonicNanos(armedAt);
          assertThat(elapsedLocal).isBetween(local, local + 2);
        });
  }

  @Test
  void aCopyStartsInTheSameStateAndThenGoesItsOwnWay() {
    NodeClock original = new NodeClock(5 * MILLI, 100_000);
    original.jump(SECOND, -2 * MILLI);
    original.setDrift(2 * SECOND, -40_000);
    NodeClock copy = original.copy();
    for (long t : new long[] {0, SECOND, 3 * SECOND, DAY}) {
      assertThat(copy.wallNanos(t)).isEqualTo(original.wallNanos(t));
      assertThat(copy.monotonicNanos(t)).isEqualTo(original.monotonicNanos(t));
    }
    assertThat(copy.driftPpb()).isEqualTo(-40_000);
    copy.jump(3 * SECOND, SECOND);
    copy.setDrift(3 * SECOND, 0);
    assertThat(original.wallNanos(4 * SECOND)).isNotEqualTo(copy.wallNanos(4 * SECOND));
    assertThat(original.driftPpb()).isEqualTo(-40_000);
  }

  @Test
  void rejectsImpossibleDriftsAndNegativeDurations() {
    long tooFast = NodeClock.DRIFT_PPB_LIMIT + 1;
    assertThatThrownBy(() -> new NodeClock(0, tooFast))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NodeClock(0, -tooFast))
        .isInstanceOf(IllegalArgumentException.class);
    NodeClock clock = NodeClock.perfect();
    assertThatThrownBy(() -> clock.setDrift(0, tooFast))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.driftPpb()).as("a rejected change changes nothing").isZero();
    assertThatThrownBy(() -> clock.trueDurationOf(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static long drift(java.util.SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> Trials.edgy(random, -NodeClock.DRIFT_PPB_LIMIT, NodeClock.DRIFT_PPB_LIMIT);
      default -> random.nextLong(-500_000, 500_001); // Realistic: within ±500 ppm.
    };
  }

  /** {@code elapsed + floor(elapsed * drift / 10^9)}, computed exactly. */
  private static long exactScaled(long elapsed, long drift) {
    BigInteger product = BigInteger.valueOf(elapsed).multiply(BigInteger.valueOf(drift));
    BigInteger[] divided = product.divideAndRemainder(BigInteger.valueOf(NodeClock.PPB_PER_UNIT));
    BigInteger floor = divided[1].signum() < 0 ? divided[0].subtract(BigInteger.ONE) : divided[0];
    return BigInteger.valueOf(elapsed).add(floor).longValueExact();
  }
}
