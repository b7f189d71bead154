package faultline.scenarios.analysis;

import java.util.Locale;

/**
 * One line of an analysis: a quantity measured over seeds, with its confidence interval, and what
 * the paper predicts for it when it predicts a number.
 *
 * @param quantity what is measured, with its unit
 * @param members the group size n, or {@link #ALL_SIZES}
 * @param measured the measurement (its interval NaN when it has none, as for a ratio of means)
 * @param predicted the prediction, or NaN when the paper gives no number
 */
public record AnalysisRow(String quantity, int members, Estimate measured, double predicted) {
  /** The {@code members} of a row that sums up every group size (a fit over n). */
  public static final int ALL_SIZES = 0;

  /** The header of {@link #markdown}. */
  public static final String MARKDOWN_HEADER =
      "| quantity | n | samples | measured | 95% CI | predicted | within CI |\n"
          + "|---|---:|---:|---:|---|---:|---|";

  /** The header of {@link #csv}. */
  public static final String CSV_HEADER =
      "quantity,members,samples,measured,ci_low,ci_high,predicted,within_ci";

  public boolean hasInterval() {
    return !Double.isNaN(measured.low());
  }

  public boolean hasPrediction() {
    return !Double.isNaN(predicted);
  }

  /** "yes" or "no" when there is both an interval and a prediction to compare, else "". */
  public String withinInterval() {
    if (!hasInterval() || !hasPrediction()) {
      return "";
    }
    return measured.covers(predicted) ? "yes" : "no";
  }

  public String markdown() {
    return "| "
        + quantity
        + " | "
        + (members == ALL_SIZES ? "all" : Integer.toString(members))
        + " | "
        + measured.samples()
        + " | "
        + number(measured.value())
        + " | "
        + (hasInterval()
            ? "[" + number(measured.low()) + ", " + number(measured.high()) + "]"
            : "—")
        + " | "
        + (hasPrediction() ? number(predicted) : "—")
        + " | "
        + (withinInterval().isEmpty() ? "—" : withinInterval())
        + " |";
  }

  public String csv() {
    return String.join(
        ",",
        '"' + quantity.replace("\"", "\"\"") + '"',
        members == ALL_SIZES ? "all" : Integer.toString(members),
        Long.toString(measured.samples()),
        number(measured.value()),
        hasInterval() ? number(measured.low()) : "",
        hasInterval() ? number(measured.high()) : "",
        hasPrediction() ? number(predicted) : "",
        withinInterval());
  }

  /** Four significant digits, enough for the comparisons made here, the same on every machine. */
  static String number(double value) {
    if (value == 0) {
      return "0";
    }
    String text = String.format(Locale.ROOT, "%.4g", value);
    if (text.contains("e") || !text.contains(".")) {
      return text;
    }
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
