package faultline.scenarios.cli;

import faultline.engine.random.Ratio;
import faultline.scenarios.parse.Durations;
import java.math.BigDecimal;
import java.math.MathContext;

/** Small text helpers for human output. */
final class Text {
  private Text() {}

  /** The first sentence of a description, cut at {@code maxLength} characters, for listings. */
  static String firstSentence(String text, int maxLength) {
    String flat = text.strip().replaceAll("\\s+", " ");
    int end = flat.indexOf(". ");
    String sentence = end < 0 ? flat : flat.substring(0, end + 1);
    if (sentence.length() <= maxLength) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', maxLength - 1);
    return sentence.substring(0, cut > 0 ? cut : maxLength - 1) + "…";
  }

  /**
   * A duration for people, in the largest unit it reaches, to four significant digits: {@code
   * 200ms}, {@code 1.5s}, {@code 205.5ms}. Traces and JSON keep exact nanoseconds.
   */
  static String duration(long nanos) {
    String exact = Durations.format(nanos);
    long magnitude = Math.abs(nanos);
    String[] units = {"s", "ms", "us"};
    double[] scales = {1e9, 1e6, 1e3};
    for (int i = 0; i < units.length; i++) {
      if (magnitude >= scales[i]) {
        return new BigDecimal(nanos / scales[i])
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toPlainString()
            + units[i];
      }
    }
    return exact;
  }

  /**
   * A probability as a scenario file writes it, a decimal such as {@code 0.05}, rather than the
   * exact fraction it is kept as ({@code 5/100}); a fraction with no finite decimal stays one.
   */
  static String probability(Ratio ratio) {
    try {
      return new BigDecimal(ratio.numerator())
          .divide(new BigDecimal(ratio.denominator()))
          .stripTrailingZeros()
          .toPlainString();
    } catch (ArithmeticException e) {
      return ratio.toString();
    }
  }

  /** Wraps prose at {@code width} columns with an indent. */
  static String wrap(String text, int width, String indent) {
    StringBuilder result = new StringBuilder();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        result.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    return result.append(line).toString();
  }
}
