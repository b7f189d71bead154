package faultline.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Examples of every unit, sign and error of {@link Durations}, then properties: {@code format} is
 * read back exactly by {@code parse}, and is never longer than the plain nanosecond form.
 */
class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "0s, 0",
    "7ns, 7",
    "500us, 500000",
    "0.5us, 500",
    "150ms, 150000000",
    "1.5s, 1500000000",
    "2m, 120000000000",
    "1h, 3600000000000",
    "0.25h, 900000000000",
    "1.000000001s, 1000000001",
    "1.500000000000000000s, 1500000000",
    "007ms, 7000000",
    "9223372036854775807ns, 9223372036854775807",
  })
  void parsesEveryUnit(String text, long nanos) {
    assertThat(Durations.parse(text)).isEqualTo(nanos);
    assertThat(Durations.parseSigned(text)).isEqualTo(nanos);
  }

  @ParameterizedTest
  @CsvSource({
    "-150ms, -150000000",
    "+5s, 5000000000",
    "-2s, -2000000000",
    "-0.5ms, -500000",
    "-9223372036854775808ns, -9223372036854775808",
  })
  void parsesSignedDurations(String text, long nanos) {
    assertThat(Durations.parseSigned(text)).isEqualTo(nanos);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "5| not a duration: \"5\" (write a number and a unit (ns, us, ms, s, m or h), like"
            + " \"150ms\" or \"1.5s\")",
        "5 ms| not a duration: \"5 ms\" (write a number and a unit (ns, us, ms, s, m or h), like"
            + " \"150ms\" or \"1.5s\")",
        ".5s| not a duration: \".5s\" (write a number and a unit (ns, us, ms, s, m or h), like"
            + " \"150ms\" or \"1.5s\")",
        "5sec| not a duration: \"5sec\" (write a number and a unit (ns, us, ms, s, m or h), like"
            + " \"150ms\" or \"1.5s\")",
        "-1s| must not be negative: \"-1s\"",
        "+1s| a sign is only allowed on offsets and jumps: \"+1s\"",
        "1.5ns| \"1.5ns\" is not a whole number of nanoseconds",
        "0.0000000001s| \"0.0000000001s\" is not a whole number of nanoseconds",
        "9223372036854775808ns| too large: \"9223372036854775808ns\" (the limit is about 292"
            + " years)",
        "2562048h| too large: \"2562048h\" (the limit is about 292 years)",
      })
  void rejectsWithAReason(String text, String reason) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(reason);
  }

  @Test
  void rejectsTheEmptyStringAndOverflowBelowZero() {
    assertThatThrownBy(() -> Durations.parse("")).hasMessageStartingWith("not a duration: \"\"");
    assertThatThrownBy(() -> Durations.parseSigned("-9223372036854775809ns"))
        .hasMessageStartingWith("too large");
  }

  @ParameterizedTest
  @CsvSource({
    "100ppm, 100000",
    "-50ppm, -50000",
    "+50ppm, 50000",
    "0.5ppm, 500",
    "2000ppb, 2000",
    "0ppb, 0",
    "500000ppm, 500000000",
    "-500000000ppb, -500000000",
  })
  void parsesDrifts(String text, long ppb) {
    assertThat(Durations.parseDriftPpb(text)).isEqualTo(ppb);
  }

  @Test
  void rejectsBadDrifts() {
    assertThatThrownBy(() -> Durations.parseDriftPpb("100"))
        .hasMessage(
            "not a drift: \"100\" (write a number and a unit (ppm or ppb), like \"100ppm\","
                + " \"-50ppm\" or \"2000ppb\")");
    assertThatThrownBy(() -> Durations.parseDriftPpb("0.0001ppm"))
        .hasMessage("\"0.0001ppm\" is not a whole number of ppb");
    assertThatThrownBy(() -> Durations.parseDriftPpb("500001ppm"))
        .hasMessage("a drift must stay within ±500000ppm: \"500001ppm\"");
    assertThatThrownBy(() -> Durations.parseDriftPpb("99999999999999999999ppm"))
        .hasMessageStartingWith("too large");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "1000, 1us",
    "1001, 1001ns",
    "1500000, 1.5ms",
    "150000000, 150ms",
    "1500000000, 1.5s",
    "10000000000, 10s",
    "60000000000, 1m",
    "90000000000, 90s",
    "5400000000000, 90m",
    "3600000000000, 1h",
    "-2000000000, -2s",
    "-150000000, -150ms",
  })
  void formatsTheShortestExactForm(long nanos, String text) {
    assertThat(Durations.format(nanos)).isEqualTo(text);
  }

  @Test
  void formatsDrifts() {
    assertThat(Durations.formatDrift(100_000)).isEqualTo("100ppm");
    assertThat(Durations.formatDrift(-50_000)).isEqualTo("-50ppm");
    assertThat(Durations.formatDrift(1_500)).isEqualTo("1500ppb");
    assertThat(Durations.formatDrift(0)).isEqualTo("0ppm");
  }

  @Property(tries = 2000)
  void formatIsReadBackExactly(@ForAll long nanos) {
    String text = Durations.format(nanos);
    assertThat(Durations.parseSigned(text)).isEqualTo(nanos);
    assertThat(text.length()).isLessThanOrEqualTo((nanos + "ns").length());
    if (nanos >= 0) {
      assertThat(Durations.parse(text)).isEqualTo(nanos);
    }
  }

  @Property(tries = 1000)
  void wholeCountsOfAUnitAreNeverLongerThanThatCount(
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long count) {
    assertThat(Durations.format(count * 1_000_000L).length())
        .isLessThanOrEqualTo((count + "ms").length());
    assertThat(Durations.format(count * 60_000_000_000L).length())
        .isLessThanOrEqualTo((count + "m").length());
  }

  @Property(tries = 1000)
  void driftFormatIsReadBackExactly(
      @ForAll @LongRange(min = -500_000_000, max = 500_000_000) long ppb) {
    assertThat(Durations.parseDriftPpb(Durations.formatDrift(ppb))).isEqualTo(ppb);
  }
}
