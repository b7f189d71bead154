package faultline.scenarios.analysis;

import java.util.List;

/**
 * A measured quantity with its two-sided 95% confidence interval: the mean of independent samples
 * (one per seed) with Student's t, or a proportion of successes with Wilson's score interval, which
 * stays inside [0, 1] and behaves for rare events such as a probe that fails under loss.
 *
 * @param value the mean, or the proportion
 * @param low the interval's lower end
 * @param high the interval's upper end
 * @param samples how many seeds (for a mean) or trials (for a proportion) it rests on
 */
public record Estimate(double value, double low, double high, long samples) {
  /** The standard normal quantile for 97.5%, the two-sided 95% level. */
  static final double Z_975 = 1.959963984540054;

  /** The mean of {@code values} with a 95% Student-t interval (needs at least two values). */
  public static Estimate mean(List<Double> values) {
    int n = values.size();
    if (n < 2) {
      throw new IllegalArgumentException("a confidence interval needs at least two samples");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double halfWidth = studentT975(n - 1) * StrictMath.sqrt(squares / (n - 1) / n);
    return new Estimate(mean, mean - halfWidth, mean + halfWidth, n);
  }

  /** The proportion {@code successes / trials} with Wilson's 95% score interval. */
  public static Estimate proportion(long successes, long trials) {
    if (trials < 1) {
      throw new IllegalArgumentException("a proportion needs at least one trial");
    }
    double p = (double) successes / trials;
    double z2 = Z_975 * Z_975;
    double centre = (p + z2 / (2.0 * trials)) / (1 + z2 / trials);
    double halfWidth =
        Z_975
            * StrictMath.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials))
            / (1 + z2 / trials);
    return new Estimate(
        p, Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth), trials);
  }

  /** Whether {@code x} lies within the interval. */
  public boolean covers(double x) {
    return low <= x && x <= high;
  }

  /** This estimate times {@code factor} (a change of unit). */
  public Estimate scaled(double factor) {
    return new Estimate(value * factor, low * factor, high * factor, samples);
  }

  /**
   * Student's t quantile for 97.5% with {@code df} degrees of freedom, by the Cornish-Fisher
   * expansion about the normal quantile (Abramowitz and Stegun 26.7.5): within 0.1% of the exact
   * value from 5 degrees of freedom on, and the sweeps here have tens to hundreds.
   */
  static double studentT975(int df) {
    double z = Z_975;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    double g1 = (z3 + z) / 4;
    double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
    double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
    return z + g1 / df + g2 / ((double) df * df) + g3 / ((double) df * df * df);
  }
}
