package faultline.visualizer.paint;

import java.util.Locale;

/** A colour with opacity, independent of any toolkit so that SVG and canvas draw the same. */
public record Rgb(int red, int green, int blue, double alpha) {
  public static Rgb hex(String hex) {
    int value = Integer.parseInt(hex.substring(1), 16);
    return new Rgb((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, 1.0);
  }

  public Rgb withAlpha(double newAlpha) {
    return new Rgb(red, green, blue, newAlpha);
  }

  /** Multiplies the opacity, to fade what lies after the cursor. */
  public Rgb fade(double factor) {
    return new Rgb(red, green, blue, alpha * factor);
  }

  public String cssHex() {
    return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
  }
}
