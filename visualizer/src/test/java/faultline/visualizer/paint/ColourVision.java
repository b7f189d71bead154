package faultline.visualizer.paint;

/**
 * Colour science for the palette tests: sRGB to linear light, simulated dichromacy, CIELAB and the
 * CIEDE2000 colour difference.
 *
 * <p>Dichromacy is simulated with the severity-1.0 matrices of Machado, Oliveira and Fernandes, "A
 * Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009,
 * applied to linear RGB as the authors specify (the matrices are published with the paper and
 * reproduced by colour-science and colorspacious). CIEDE2000 follows Sharma, Wu and Dalal, "The
 * CIEDE2000 Color-Difference Formula: Implementation Notes, Supplementary Test Data, and
 * Mathematical Observations", Color Research and Application 30(1), 2005, whose test pairs {@code
 * PresentationPaletteTest} checks it against.
 */
final class ColourVision {
  static final double[][] NORMAL = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  static final double[][] PROTANOPIA = {
    {0.152286, 1.052583, -0.204868},
    {0.114503, 0.786281, 0.099216},
    {-0.003882, -0.048116, 1.051998}
  };
  static final double[][] DEUTERANOPIA = {
    {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}
  };

  private ColourVision() {}

  static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** The colour as a viewer with {@code vision} sees it, in linear RGB clipped to the gamut. */
  static double[] seen(Rgb colour, double[][] vision) {
    double[] rgb = {linear(colour.red()), linear(colour.green()), linear(colour.blue())};
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      double sum = 0;
      for (int j = 0; j < 3; j++) {
        sum += vision[i][j] * rgb[j];
      }
      out[i] = Math.min(1, Math.max(0, sum));
    }
    return out;
  }

  /** CIELAB (D65 white) of a linear sRGB colour. */
  static double[] lab(double[] rgb) {
    double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
    double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
    double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
    double fx = f(x / 0.95047);
    double fy = f(y);
    double fz = f(z / 1.08883);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }

  /** WCAG 2.1 relative luminance. */
  static double luminance(Rgb colour) {
    return 0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue());
  }

  /** WCAG 2.1 contrast ratio, from 1 to 21. */
  static double contrast(Rgb a, Rgb b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** CIEDE2000 between two CIELAB colours (Sharma, Wu and Dalal 2005, equations 1 to 22). */
  static double deltaE2000(double[] lab1, double[] lab2) {
    double c1 = Math.hypot(lab1[1], lab1[2]);
    double c2 = Math.hypot(lab2[1], lab2[2]);
    double cMean7 = Math.pow((c1 + c2) / 2, 7);
    double g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + Math.pow(25, 7))));
    double a1 = (1 + g) * lab1[1];
    double a2 = (1 + g) * lab2[1];
    double c1p = Math.hypot(a1, lab1[2]);
    double c2p = Math.hypot(a2, lab2[2]);
    double h1p = hue(a1, lab1[2]);
    double h2p = hue(a2, lab2[2]);
    double dLp = lab2[0] - lab1[0];
    double dCp = c2p - c1p;
    double dhp = 0;
    if (c1p * c2p != 0) {
      dhp = h2p - h1p;
      dhp = dhp > 180 ? dhp - 360 : dhp < -180 ? dhp + 360 : dhp;
    }
    double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));
    double lMean = (lab1[0] + lab2[0]) / 2;
    double cMeanP = (c1p + c2p) / 2;
    double hMean = h1p + h2p;
    if (c1p * c2p != 0) {
      hMean =
          Math.abs(h1p - h2p) <= 180
              ? (h1p + h2p) / 2
              : (h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2);
    }
    double t =
        1
            - 0.17 * cos(hMean - 30)
            + 0.24 * cos(2 * hMean)
            + 0.32 * cos(3 * hMean + 6)
            - 0.20 * cos(4 * hMean - 63);
    double dTheta = 30 * Math.exp(-Math.pow((hMean - 275) / 25, 2));
    double cMeanP7 = Math.pow(cMeanP, 7);
    double rc = 2 * Math.sqrt(cMeanP7 / (cMeanP7 + Math.pow(25, 7)));
    double lSquare = (lMean - 50) * (lMean - 50);
    double sl = 1 + 0.015 * lSquare / Math.sqrt(20 + lSquare);
    double sc = 1 + 0.045 * cMeanP;
    double sh = 1 + 0.015 * cMeanP * t;
    double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
    double l = dLp / sl;
    double c = dCp / sc;
    double h = dHp / sh;
    return Math.sqrt(l * l + c * c + h * h + rt * c * h);
  }

  private static double hue(double a, double b) {
    if (a == 0 && b == 0) {
      return 0;
    }
    double degrees = Math.toDegrees(Math.atan2(b, a));
    return degrees < 0 ? degrees + 360 : degrees;
  }

  private static double cos(double degrees) {
    return Math.cos(Math.toRadians(degrees));
  }

  /** The smallest CIEDE2000 between any two of {@code colours}, as {@code vision} sees them. */
  static double minimumDistance(java.util.List<Rgb> colours, double[][] vision) {
    double least = Double.MAX_VALUE;
    for (int i = 0; i < colours.size(); i++) {
      for (int j = i + 1; j < colours.size(); j++) {
        least =
            Math.min(
                least,
                deltaE2000(lab(seen(colours.get(i), vision)), lab(seen(colours.get(j), vision))));
      }
    }
    return least;
  }
}
