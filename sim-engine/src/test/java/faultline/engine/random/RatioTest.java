package faultline.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ratios are exact probabilities. How it works: construction and {@link Ratio#parseDecimal} are fed
 * valid and invalid inputs, and parsed ratios are compared component by component, because a
 * ratio's components (not its value) decide which draws {@code chance} makes.
 */
class RatioTest {

  @Test
  void holdsAProbabilityAsAFraction() {
    Ratio ratio = Ratio.of(1, 20);
    assertThat(ratio.numerator()).isEqualTo(1);
    assertThat(ratio.denominator()).isEqualTo(20);
    assertThat(ratio.toDouble()).isEqualTo(0.05);
    assertThat(ratio).hasToString("1/20");
    assertThat(ratio.isZero()).isFalse();
    assertThat(ratio.isOne()).isFalse();
  }

  @Test
  void zeroAndOneAreRecognisedWhateverTheDenominator() {
    assertThat(Ratio.ZERO.isZero()).isTrue();
    assertThat(Ratio.of(0, 7).isZero()).isTrue();
    assertThat(Ratio.ONE.isOne()).isTrue();
    assertThat(Ratio.of(7, 7).isOne()).isTrue();
  }

  @Test
  void equalityIsByComponentsNotByValue() {
    // 1/2 and 2/4 have the same value but draw differently (a bound of 2 versus 4).
    assertThat(Ratio.of(1, 2)).isEqualTo(new Ratio(1, 2)).isNotEqualTo(Ratio.of(2, 4));
  }

  @ParameterizedTest(name = "{0}/{1} is rejected")
  @CsvSource({"1, 0", "0, 0", "1, -2", "-1, 2", "3, 2", "-1, -1"})
  void rejectsFractionsOutsideTheUnitInterval(long numerator, long denominator) {
    assertThatThrownBy(() -> Ratio.of(numerator, denominator))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "\"{0}\" parses as {1}/{2}")
  @CsvSource({
    "0, 0, 1",
    "1, 1, 1",
    "0.05, 5, 100",
    "0.5, 5, 10",
    "1.0, 10, 10",
    "0.000000001, 1, 1000000000",
    "1.000000000, 1000000000, 1000000000",
    "00.25, 25, 100"
  })
  void parsesDecimalsExactly(String text, long numerator, long denominator) {
    assertThat(Ratio.parseDecimal(text)).isEqualTo(Ratio.of(numerator, denominator));
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(
      strings = {
        "",
        "1.5",
        "2",
        "-0.1",
        ".5",
        "0.",
        "abc",
        "1e-3",
        "0.0000000001",
        " 0.5",
        "0,5",
        "99999999999999999999"
      })
  void rejectsTextThatIsNotADecimalProbability(String text) {
    assertThatThrownBy(() -> Ratio.parseDecimal(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
