package faultline.scenarios.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Confidence intervals checked against published tables, not against themselves. */
class EstimateTest {
  @Test
  void studentQuantilesMatchTheTables() {
    // Two-sided 95% critical values of Student's t, from any statistics table.
    assertThat(Estimate.studentT975(5)).isCloseTo(2.5706, within(0.003));
    assertThat(Estimate.studentT975(10)).isCloseTo(2.2281, within(0.001));
    assertThat(Estimate.studentT975(30)).isCloseTo(2.0423, within(0.0005));
    assertThat(Estimate.studentT975(199)).isCloseTo(1.9720, within(0.0005));
  }

  @Test
  void theMeanOfOneToFiveHasTheTextbookInterval() {
    // mean 3, sample standard deviation sqrt(2.5), t(4) = 2.7764: 3 ± 1.9632.
    Estimate estimate = Estimate.mean(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
    assertThat(estimate.value()).isEqualTo(3.0);
    assertThat(estimate.low()).isCloseTo(1.0368, within(0.01));
    assertThat(estimate.high()).isCloseTo(4.9632, within(0.01));
    assertThat(estimate.samples()).isEqualTo(5);
    assertThat(estimate.covers(3.0)).isTrue();
    assertThat(estimate.covers(5.0)).isFalse();
  }

  @Test
  void wilsonIntervalOfFiveInAHundred() {
    // Wilson's score interval for 5/100 at 95% is [0.0215, 0.1118] (Newcombe 1998, table I).
    Estimate estimate = Estimate.proportion(5, 100);
    assertThat(estimate.value()).isEqualTo(0.05);
    assertThat(estimate.low()).isCloseTo(0.0215, within(0.0002));
    assertThat(estimate.high()).isCloseTo(0.1118, within(0.0002));
  }

  @Test
  void aProportionOfNothingStillHasAnUpperBound() {
    Estimate estimate = Estimate.proportion(0, 30);
    assertThat(estimate.low()).isZero();
    assertThat(estimate.high()).isCloseTo(0.1135, within(0.0005));
  }

  @Test
  void oneSampleHasNoInterval() {
    assertThatThrownBy(() -> Estimate.mean(List.of(1.0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Estimate.proportion(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
